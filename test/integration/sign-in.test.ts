import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { createTestDatabase } from "./helpers/test-database";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { hashPassword } from "@/lib/auth/password";

const t = await createTestDatabase("signin");
const prisma = t.db.prisma;
const policy = { threshold: 3, minutes: 15 };
after(() => t.drop());

before(async () => {
  await prisma.user.create({
    data: { username: "alice", passwordHash: await hashPassword("alice-password-1"), roles: { create: [{ role: "OPERATOR" }] } },
  });
});

test("a good password signs in, resets the failure count and is audited", async () => {
  const r = await verifyCredentials(prisma, "alice", "alice-password-1", policy);
  assert.equal(r.ok, true);
  const u = await prisma.user.findUniqueOrThrow({ where: { username: "alice" } });
  assert.ok(u.lastLoginAt);
  const audit = await prisma.auditEvent.findFirst({ where: { action: "signin", targetId: u.id } });
  assert.ok(audit, "sign-in audited");
});

test("repeated failures lock the account, even when attempts race, and the lock holds against the right password", async () => {
  const now = new Date();
  const results = await Promise.all([1, 2, 3, 4].map(() => verifyCredentials(prisma, "alice", "wrong", policy, now)));
  // Wrong passwords never learn about the lock: every answer is the same as for an unknown user.
  assert.deepEqual(
    results.map((r) => (r.ok ? "ok" : r.reason)),
    ["invalid", "invalid", "invalid", "invalid"],
  );
  const u = await prisma.user.findUniqueOrThrow({ where: { username: "alice" } });
  assert.ok(u.lockedUntil && u.lockedUntil > now, "the threshold-th failure locks");
  assert.deepEqual(await verifyCredentials(prisma, "alice", "still-wrong", policy, now), { ok: false, reason: "invalid" });
  const r = await verifyCredentials(prisma, "alice", "alice-password-1", policy, now);
  assert.deepEqual(r.ok ? "signed in" : r.reason, "locked");
  const later = new Date(now.getTime() + 16 * 60_000);
  const r2 = await verifyCredentials(prisma, "alice", "alice-password-1", policy, later);
  assert.equal(r2.ok, true, "the lock expires");
  assert.equal((await prisma.auditEvent.count({ where: { action: "account.locked", targetId: u.id } })) >= 1, true);
});

test("an admin is never locked out for long, and an old weak hash is replaced at sign-in", async () => {
  const { scryptSync, randomBytes } = await import("node:crypto");
  const salt = randomBytes(16);
  const key = scryptSync("root-password-1", salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
  const old = `scrypt$32768$8$1$${salt.toString("base64")}$${key.toString("base64")}`;
  await prisma.user.create({ data: { username: "root", passwordHash: old, roles: { create: [{ role: "ADMIN" }] } } });
  const now = new Date();
  for (let i = 0; i < 3; i++) await verifyCredentials(prisma, "root", `wrong-${i}`, policy, now);
  const locked = await prisma.user.findUniqueOrThrow({ where: { username: "root" } });
  assert.ok(locked.lockedUntil, "admins are locked too");
  assert.ok(locked.lockedUntil.getTime() - now.getTime() <= 2 * 60_000, "but for two minutes at most, not the configured 15");
  const r = await verifyCredentials(prisma, "root", "root-password-1", policy, new Date(now.getTime() + 3 * 60_000));
  assert.equal(r.ok, true);
  const after = await prisma.user.findUniqueOrThrow({ where: { username: "root" } });
  assert.match(after.passwordHash ?? "", /^scrypt\$131072\$8\$1\$/, "rehashed with today's parameters");
  assert.equal((await verifyCredentials(prisma, "root", "root-password-1", policy, new Date(now.getTime() + 4 * 60_000))).ok, true);
});

test("unknown users and deactivated users are refused; no password reaches the audit log", async () => {
  assert.deepEqual(await verifyCredentials(prisma, "nobody", "whatever-password", policy), { ok: false, reason: "invalid" });
  await prisma.user.update({ where: { username: "alice" }, data: { active: false } });
  const r = await verifyCredentials(prisma, "alice", "alice-password-1", policy);
  assert.deepEqual(r, { ok: false, reason: "inactive" });
  const all = await prisma.auditEvent.findMany();
  assert.ok(!JSON.stringify(all, (_k, v) => (typeof v === "bigint" ? String(v) : v)).includes("alice-password-1"));
});

test("failures from one address throttle that address only: the admin still signs in from elsewhere, and the window slides", async () => {
  const { signInWithPassword } = await import("@/lib/auth/sign-in-with-password");
  await prisma.user.create({
    data: { username: "boss", passwordHash: await hashPassword("boss-password-12"), roles: { create: [{ role: "ADMIN" }] } },
  });
  const policies = { lockout: { threshold: 1000, minutes: 15 }, address: { limit: 4, windowMinutes: 15 } };
  const now = new Date();
  const from = (address: string, username: string, password: string, at = now) =>
    signInWithPassword(prisma, { username, password, address }, policies, at);
  // Guessing at several accounts (one of them unknown) from one address.
  for (const u of ["boss", "alice", "nobody", "boss"])
    assert.deepEqual(await from("198.51.100.7", u, "guess-password"), { ok: false, reason: "invalid" });
  assert.deepEqual(
    await from("198.51.100.7", "boss", "boss-password-12"),
    { ok: false, reason: "throttled" },
    "even the right password, from there",
  );
  assert.equal((await from("203.0.113.9", "boss", "boss-password-12")).ok, true, "the admin, from another address");
  const boss = await prisma.user.findUniqueOrThrow({ where: { username: "boss" } });
  assert.equal(boss.lockedUntil, null, "the address throttle locks no account");
  assert.equal(await prisma.auditEvent.count({ where: { action: "signin.addressThrottled" } }), 1);
  const later = new Date(now.getTime() + 16 * 60_000);
  assert.equal((await from("198.51.100.7", "boss", "boss-password-12", later)).ok, true, "the window slides on");
});
