// Encryption at rest of datashare bodies MOSIP sent in clear (policy encryptionType "none"), under a key of
// this installation: a copy of the database then holds no readable personal data, as with partner-encrypted
// bodies, which are stored as received.
//
//   sealed = "MASLK1" (6) || nonce (12) || AES-256-GCM ciphertext || tag (16)
//   AAD    = "MASLK1" || the row's id, so a sealed body copied onto another row does not open there.
//
// Pure: the key comes from the caller (runtime-data-key.ts). Errors never carry plaintext or key material.

import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

const MAGIC = Buffer.from("MASLK1", "ascii");
const NONCE_LENGTH = 12;
const TAG_LENGTH = 16;
export const DATA_KEY_LENGTH = 32;

export class SealedBodyError extends Error {
  override name = "SealedBodyError";
}

export function sealAtRest(plaintext: Uint8Array, key: Buffer, context: string): Buffer {
  checkKey(key);
  const nonce = randomBytes(NONCE_LENGTH);
  const cipher = createCipheriv("aes-256-gcm", key, nonce, { authTagLength: TAG_LENGTH });
  cipher.setAAD(aad(context));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([MAGIC, nonce, body, cipher.getAuthTag()]);
}

export function openAtRest(sealed: Uint8Array, key: Buffer, context: string): Buffer {
  checkKey(key);
  const b = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  if (b.length < MAGIC.length + NONCE_LENGTH + TAG_LENGTH || !b.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new SealedBodyError(`stored body (${b.length} bytes) is not sealed with the local data key (no MASLK1 header)`);
  }
  const nonce = b.subarray(MAGIC.length, MAGIC.length + NONCE_LENGTH);
  const tag = b.subarray(b.length - TAG_LENGTH);
  const decipher = createDecipheriv("aes-256-gcm", key, nonce, { authTagLength: TAG_LENGTH });
  decipher.setAuthTag(tag);
  decipher.setAAD(aad(context));
  const head = decipher.update(b.subarray(MAGIC.length + NONCE_LENGTH, b.length - TAG_LENGTH));
  try {
    return Buffer.concat([head, decipher.final()]);
  } catch {
    head.fill(0); // unauthenticated plaintext must not linger
    throw new SealedBodyError(
      "stored body failed AES-GCM authentication: it was altered, belongs to another row, or MAS_DATA_KEY_FILE is not the key it was sealed with",
    );
  }
}

/** A datashare body MOSIP sent unencrypted: a JSON object (partner-encrypted bodies are base64 text). */
export function isPlainDatashare(body: Uint8Array): boolean {
  for (const byte of body) {
    if (byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d || byte === 0xef || byte === 0xbb || byte === 0xbf) continue;
    return byte === 0x7b; // "{"
  }
  return false;
}

/** The key file's text: base64 of exactly 32 bytes (`openssl rand -base64 32`). */
export function parseDataKey(text: string, source: string): Buffer {
  const t = text.trim();
  const key = /^[A-Za-z0-9+/]+={0,2}$/.test(t) ? Buffer.from(t, "base64") : null;
  if (!key || key.length !== DATA_KEY_LENGTH) {
    throw new SealedBodyError(
      `${source} must hold base64 of exactly ${DATA_KEY_LENGTH} random bytes (create it with: openssl rand -base64 32 > FILE; chmod 600 FILE)`,
    );
  }
  return key;
}

function aad(context: string): Buffer {
  return Buffer.concat([MAGIC, Buffer.from(context, "utf8")]);
}

function checkKey(key: Buffer): void {
  if (key.length !== DATA_KEY_LENGTH) throw new SealedBodyError(`the data key must be ${DATA_KEY_LENGTH} bytes, got ${key.length}`);
}
