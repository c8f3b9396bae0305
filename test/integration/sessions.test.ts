import { test, after } from "node:test";
import assert from "node:assert/strict";
import { createTestDatabase } from "./helpers/test-database";
import { createUser } from "@/lib/users/create-user";
import { updateUser } from "@/lib/users/update-user";
import { resetPassword } from "@/lib/users/reset-password";
import { changeOwnPassword } from "@/lib/users/change-own-password";
import { bootstrapUsers, DEMO_SETTING } from "@/lib/users/bootstrap-users";
import { seedRolePermissions } from "@/lib/auth/seed-role-permissions";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { issueSessionClaims, loadSessionUser, loadUser, type SessionUser } from "@/lib/auth/load-user";
import { DomainError } from "@/lib/errors/domain-error";
import { parseEnv } from "@/lib/env/env-schema";

const t = await createTestDatabase("sessions");
const prisma = t.db.prisma;
after(() => t.drop());

await seedRolePermissions(prisma);
const root = await prisma.user.create({ data: { username: "root", roles: { create: [{ role: "ADMIN" }] } } });
const admin = (await loadUser(prisma, root.id)) as SessionUser;
const policy = { maxHours: 12 };
const lockout = { threshold: 5, minutes: 15 };

let n = 0;
async function newOperator(password = "first-password-12") {
  const u = await createUser(prisma, admin, { username: `op${++n}`, password, roles: ["OPERATOR"] });
  return { id: u.id, username: u.username, password };
}
const live = async (claims: Awaited<ReturnType<typeof issueSessionClaims>>, now = new Date()) =>
  (await loadSessionUser(prisma, claims, policy, now)) !== null;
const is = (code: string, re: RegExp) => (e: unknown) => e instanceof DomainError && e.code === code && re.test(e.message);

test("a session ends at its absolute lifetime, however active it was", async () => {
  const op = await newOperator();
  const signedIn = new Date("2026-12-01T08:00:00Z");
  const claims = await issueSessionClaims(prisma, op.id, signedIn);
  assert.equal(await live(claims, new Date("2026-12-01T19:59:00Z")), true, "within the working day");
  assert.equal(await live(claims, new Date("2026-12-01T20:01:00Z")), false, "12 hours after sign-in it is over");
  assert.equal(await live({ uid: op.id }), false, "a token without sign-in time or version (issued before the upgrade) is over");
});

test("a session dies after a password reset by an admin, and the user must choose a new password", async () => {
  const op = await newOperator();
  const claims = await issueSessionClaims(prisma, op.id);
  assert.equal(await live(claims), true);
  await resetPassword(prisma, admin, op.id, "reset-by-admin-12");
  assert.equal(await live(claims), false, "the session opened before the reset is over at its next request");
  const fresh = await issueSessionClaims(prisma, op.id);
  assert.equal((await loadSessionUser(prisma, fresh, policy))?.mustChangePassword, true, "an admin chose the password");
});

test("a role change and a deactivation end the user's sessions; an edit of name or eligibility does not", async () => {
  const op = await newOperator();
  let claims = await issueSessionClaims(prisma, op.id);
  await updateUser(prisma, admin, op.id, { displayName: "Someone", canSecondary: false });
  assert.equal(await live(claims), true);
  await updateUser(prisma, admin, op.id, { roles: ["OPERATOR", "SUPERVISOR"] });
  assert.equal(await live(claims), false, "role change");
  claims = await issueSessionClaims(prisma, op.id);
  await updateUser(prisma, admin, op.id, { active: false });
  await updateUser(prisma, admin, op.id, { active: true });
  assert.equal(await live(claims), false, "deactivated, even if reactivated before the next request");
});

test("roles of an OIDC account are not edited in the MAS: the identity provider replaces them at every sign-in", async () => {
  const op = await newOperator();
  await prisma.user.update({ where: { id: op.id }, data: { authSource: "OIDC", passwordHash: null } });
  await assert.rejects(updateUser(prisma, admin, op.id, { roles: ["SUPERVISOR"] }), is("conflict", /come from the identity provider/));
  await updateUser(prisma, admin, op.id, { roles: ["OPERATOR"], canPrimary: false });
  assert.equal((await prisma.user.findUniqueOrThrow({ where: { id: op.id } })).canPrimary, false, "other fields still change");
});

test("a user created by an admin must change the password: wrong current, same or username-like new refused; then cleared", async () => {
  const op = await newOperator();
  const claims = await issueSessionClaims(prisma, op.id);
  const me = (await loadSessionUser(prisma, claims, policy)) as SessionUser;
  assert.equal(me.mustChangePassword, true);
  await assert.rejects(
    changeOwnPassword(prisma, me, { currentPassword: "not-my-password", newPassword: "second-password-12" }),
    is("forbidden", /current password is wrong/),
  );
  await assert.rejects(
    changeOwnPassword(prisma, me, { currentPassword: op.password, newPassword: op.password }),
    is("invalid", /must differ/),
  );
  await assert.rejects(
    changeOwnPassword(prisma, me, { currentPassword: op.password, newPassword: `${op.username}-password` }),
    is("invalid", /username/),
  );
  const other = await issueSessionClaims(prisma, op.id);
  const version = await changeOwnPassword(prisma, me, { currentPassword: op.password, newPassword: "second-password-12" });
  assert.equal(await live(other), false, "the user's other sessions end");
  assert.equal(await live({ ...claims, sv: version }), true, "the session re-issued with the new version goes on");
  assert.equal((await loadUser(prisma, op.id))?.mustChangePassword, false);
  assert.equal((await verifyCredentials(prisma, op.username, "second-password-12", lockout)).ok, true);
  assert.equal(await prisma.auditEvent.count({ where: { action: "user.changePassword", targetId: op.id } }), 1);
});

test("in demo mode an admin-set password is not forced", async () => {
  await prisma.setting.create({ data: { key: DEMO_SETTING, value: true } });
  try {
    const op = await newOperator();
    assert.equal((await loadUser(prisma, op.id))?.mustChangePassword, false);
  } finally {
    await prisma.setting.delete({ where: { key: DEMO_SETTING } });
  }
});

test("the first admin from MAS_ADMIN_PASSWORD changes it at first sign-in", async () => {
  const env = { ...parseEnv({ MAS_ADMIN_USERNAME: "chief", MAS_ADMIN_PASSWORD: "from-the-environment" }) };
  await prisma.user.update({ where: { id: root.id }, data: { active: false } });
  try {
    assert.deepEqual(await bootstrapUsers(prisma, env), { kind: "admin", username: "chief" });
    assert.equal((await prisma.user.findUniqueOrThrow({ where: { username: "chief" } })).mustChangePassword, true);
  } finally {
    await prisma.user.update({ where: { username: "chief" }, data: { active: false } });
    await prisma.user.update({ where: { id: root.id }, data: { active: true } });
  }
});

test("with a MOSIP queue, no demo users are made, and a database made in demo mode is refused", async () => {
  const env = parseEnv({
    MOSIP_QUEUE_URL: "stomp://mas:secret@activemq:61613",
    MOSIP_DATASHARE_ALLOWED_ORIGINS: "http://datashare.datashare",
  });
  // As on the embedded database, where demo users would otherwise be made.
  const embedded = { ...env, database: { kind: "pglite" as const, dir: "unused" } };
  await prisma.user.updateMany({ where: { roles: { some: { role: "ADMIN" } } }, data: { active: false } });
  try {
    await assert.rejects(bootstrapUsers(prisma, embedded), /Set MAS_ADMIN_USERNAME and MAS_ADMIN_PASSWORD/);
    assert.equal(await prisma.user.count({ where: { username: "operator1" } }), 0, "no demo users");
    await prisma.setting.create({ data: { key: DEMO_SETTING, value: true } });
    await assert.rejects(bootstrapUsers(prisma, { ...embedded, admin: { username: "x", password: "y".repeat(12) } }), /made in demo mode/);
  } finally {
    await prisma.setting.deleteMany({ where: { key: DEMO_SETTING } });
    await prisma.user.update({ where: { id: root.id }, data: { active: true } });
  }
});
