import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { createTestDatabase } from "./helpers/test-database";
import { signInOidcUser } from "@/lib/auth/sign-in-oidc-user";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { hashPassword } from "@/lib/auth/password";

const t = await createTestDatabase("oidc");
const prisma = t.db.prisma;
after(() => t.drop());

const ISS = "https://idp.example/realms/mosip";
const CLAIM = "realm_access.roles";
const claims = (sub: string, username: string, roles?: string[], iss = ISS) => ({
  iss,
  sub,
  preferred_username: username,
  ...(roles ? { realm_access: { roles } } : {}),
});
const rolesOf = async (id: string) => (await prisma.userRole.findMany({ where: { userId: id } })).map((r) => r.role).sort();

let localAdminId = "";
before(async () => {
  const admin = await prisma.user.create({
    data: { username: "chief", passwordHash: await hashPassword("chief-password-1"), roles: { create: [{ role: "ADMIN" }] } },
  });
  localAdminId = admin.id;
});

test("a first sign-in creates an OIDC account bound to issuer and subject, with the claim's roles", async () => {
  const r = await signInOidcUser(prisma, claims("sub-ann", "ann", ["mas-operator", "offline_access"]), CLAIM);
  assert.ok(r.ok);
  const u = await prisma.user.findUniqueOrThrow({ where: { id: r.userId } });
  assert.deepEqual([u.username, u.authSource, u.oidcIssuer, u.oidcSubject, u.passwordHash], ["ann", "OIDC", ISS, "sub-ann", null]);
  assert.deepEqual(await rolesOf(u.id), ["OPERATOR"]);
  assert.equal(await prisma.auditEvent.count({ where: { action: "user.provisioned", targetId: u.id } }), 1);

  // The same subject under another name is the same account; another subject under the same name is not.
  const again = await signInOidcUser(prisma, claims("sub-ann", "ann.renamed", ["OPERATOR"]), CLAIM);
  assert.deepEqual(again, { ok: true, userId: u.id });
  const other = await signInOidcUser(prisma, claims("sub-other-ann", "ann", ["OPERATOR"]), CLAIM);
  assert.ok(other.ok && other.userId !== u.id);
  // The same subject at another issuer is another person.
  const elsewhere = await signInOidcUser(prisma, claims("sub-ann", "ann", ["OPERATOR"], "https://other-idp.example"), CLAIM);
  assert.ok(elsewhere.ok && elsewhere.userId !== u.id);
});

test("an IdP user named like the local admin gets a distinct account, never the admin's id or roles", async () => {
  for (const name of ["chief", "CHIEF"]) {
    const r = await signInOidcUser(prisma, claims(`sub-${name}`, name, ["OPERATOR"]), CLAIM);
    assert.ok(r.ok);
    assert.notEqual(r.userId, localAdminId);
    const u = await prisma.user.findUniqueOrThrow({ where: { id: r.userId } });
    assert.match(u.username, new RegExp(`^${name}-oidc-[0-9a-f]{8}$`));
    assert.deepEqual(await rolesOf(u.id), ["OPERATOR"]);
  }
  // The local admin is untouched: still LOCAL, unbound, ADMIN only, and still signs in with the password.
  const admin = await prisma.user.findUniqueOrThrow({ where: { id: localAdminId } });
  assert.deepEqual([admin.authSource, admin.oidcIssuer, admin.oidcSubject], ["LOCAL", null, null]);
  assert.deepEqual(await rolesOf(localAdminId), ["ADMIN"]);
  assert.equal((await verifyCredentials(prisma, "chief", "chief-password-1", { threshold: 5, minutes: 15 })).ok, true);
});

test("a local account is never reached through OIDC, even one given the same issuer and subject", async () => {
  await prisma.user.update({ where: { id: localAdminId }, data: { oidcIssuer: ISS, oidcSubject: "sub-planted" } });
  try {
    const r = await signInOidcUser(prisma, claims("sub-planted", "chief", ["ADMIN"]), CLAIM);
    assert.ok(!r.ok || r.userId !== localAdminId, "a LOCAL row is no match");
  } catch {
    // The unique (issuer, subject) pair refuses the new account outright: also not a sign-in as the admin.
  } finally {
    await prisma.user.update({ where: { id: localAdminId }, data: { oidcIssuer: null, oidcSubject: null } });
  }
});

test("roles follow the claim at every sign-in, added and removed, and each change is audited", async () => {
  const first = await signInOidcUser(prisma, claims("sub-bo", "bo", ["OPERATOR", "SUPERVISOR"]), CLAIM);
  assert.ok(first.ok);
  const id = first.userId;
  assert.deepEqual(await rolesOf(id), ["OPERATOR", "SUPERVISOR"]);

  assert.ok((await signInOidcUser(prisma, claims("sub-bo", "bo", ["SUPERVISOR"]), CLAIM)).ok);
  assert.deepEqual(await rolesOf(id), ["SUPERVISOR"], "a role removed at the IdP is gone");
  assert.ok((await signInOidcUser(prisma, claims("sub-bo", "bo", ["SUPERVISOR", "ADMIN"]), CLAIM)).ok);
  assert.deepEqual(await rolesOf(id), ["ADMIN", "SUPERVISOR"], "a role added at the IdP arrives");
  assert.ok((await signInOidcUser(prisma, claims("sub-bo", "bo", ["ADMIN", "SUPERVISOR"]), CLAIM)).ok);

  const changes = await prisma.auditEvent.findMany({ where: { action: "user.roles.fromIdp", targetId: id }, orderBy: { id: "asc" } });
  assert.deepEqual(
    changes.map((c) => c.details),
    [
      { from: ["OPERATOR", "SUPERVISOR"], to: ["SUPERVISOR"] },
      { from: ["SUPERVISOR"], to: ["ADMIN", "SUPERVISOR"] },
    ],
    "one audit row per change, none when nothing changed",
  );
  assert.equal(await prisma.auditEvent.count({ where: { action: "signin", targetId: id } }), 4);
});

test("no MAS role in the claim refuses the sign-in and takes the old roles away; none creates no account", async () => {
  const first = await signInOidcUser(prisma, claims("sub-cy", "cy", ["OPERATOR"]), CLAIM);
  assert.ok(first.ok);
  assert.deepEqual(await signInOidcUser(prisma, claims("sub-cy", "cy"), CLAIM), { ok: false, reason: "norole" });
  assert.deepEqual(await rolesOf(first.userId), []);
  assert.equal(await prisma.auditEvent.count({ where: { action: "user.roles.fromIdp", targetId: first.userId } }), 1);

  assert.deepEqual(await signInOidcUser(prisma, claims("sub-nobody", "nobody", ["offline_access"]), CLAIM), {
    ok: false,
    reason: "norole",
  });
  assert.equal(await prisma.user.count({ where: { oidcSubject: "sub-nobody" } }), 0);
});

test("a deactivated OIDC account stays refused, whatever the claim says", async () => {
  const first = await signInOidcUser(prisma, claims("sub-di", "di", ["OPERATOR"]), CLAIM);
  assert.ok(first.ok);
  await prisma.user.update({ where: { id: first.userId }, data: { active: false } });
  assert.deepEqual(await signInOidcUser(prisma, claims("sub-di", "di", ["ADMIN"]), CLAIM), { ok: false, reason: "inactive" });
  assert.deepEqual(await rolesOf(first.userId), ["OPERATOR"], "a refused sign-in changes nothing");
  assert.equal(await prisma.auditEvent.count({ where: { action: "signin.refused", targetId: first.userId } }), 1);
});

test("a token without issuer or subject signs nobody in", async () => {
  assert.deepEqual(await signInOidcUser(prisma, { preferred_username: "chief", realm_access: { roles: ["ADMIN"] } }, CLAIM), {
    ok: false,
    reason: "invalid",
  });
});

test("parallel first sign-ins of one person make one account", async () => {
  const rs = await Promise.all([1, 2, 3].map(() => signInOidcUser(prisma, claims("sub-race", "race", ["OPERATOR"]), CLAIM)));
  const ids = new Set(rs.map((r) => (r.ok ? r.userId : "refused")));
  assert.equal(ids.size, 1);
  assert.equal(await prisma.user.count({ where: { oidcSubject: "sub-race" } }), 1);
});
