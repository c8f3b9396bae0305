import { scrypt, randomBytes, timingSafeEqual } from "node:crypto";

// scrypt is in Node itself (no native build) and memory-hard. OWASP's Password Storage Cheat Sheet asks for at
// least N=2^17, r=8, p=1: 128 MiB and a few hundred milliseconds per hash. Hashes made with weaker parameters
// are replaced at the next successful sign-in (needsRehash).
const N = 2 ** 17;
const R = 8;
const P = 1;
const KEYLEN = 32;
// scrypt needs 128·N·r bytes plus a little; the limit also refuses absurd parameters read from a stored hash.
const MAXMEM = 160 * 1024 * 1024;

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize("NFKC"), salt, KEYLEN, { N: n, r, p, maxmem: MAXMEM }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, R, P);
  return `scrypt$${N}$${R}$${P}$${salt.toString("base64")}$${key.toString("base64")}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return false;
  const [, n, r, p, salt, hash] = parts;
  const expected = Buffer.from(hash, "base64");
  const key = await derive(password, Buffer.from(salt, "base64"), Number(n), Number(r), Number(p));
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Whether a stored hash was made with weaker parameters than today's (and should be replaced). */
export function needsRehash(stored: string): boolean {
  const [kind, n, r, p] = stored.split("$");
  return kind !== "scrypt" || Number(n) < N || Number(r) < R || Number(p) < P;
}

// Verifying against this when the username is unknown keeps the response time the same as for a wrong password.
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(16).toString("hex"));
  return dummy;
}

export function randomPassword(): string {
  // 18 bytes → 24 base64url characters, well above the minimum length.
  return randomBytes(18).toString("base64url");
}
