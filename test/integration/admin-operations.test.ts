import { test, after } from "node:test";
import assert from "node:assert/strict";
import { createTestDatabase } from "./helpers/test-database";
import { createUser } from "@/lib/users/create-user";
import { updateUser } from "@/lib/users/update-user";
import { setRolePermissions } from "@/lib/auth/role-permissions";
import { seedRolePermissions } from "@/lib/auth/seed-role-permissions";
import { loadUser, type SessionUser } from "@/lib/auth/load-user";
import { DomainError } from "@/lib/errors/domain-error";

const t = await createTestDatabase("admin");
const prisma = t.db.prisma;
after(() => t.drop());

await seedRolePermissions(prisma);
const root = await prisma.user.create({ data: { username: "root", roles: { create: [{ role: "ADMIN" }] } } });
const actor = (await loadUser(prisma, root.id)) as SessionUser;

const forbidden = (re: RegExp) => (e: unknown) => e instanceof DomainError && e.code === "forbidden" && re.test(e.message);
const conflict = (re: RegExp) => (e: unknown) => e instanceof DomainError && e.code === "conflict" && re.test(e.message);

test("creating a user writes the user, their roles and one audit row together", async () => {
  const u = await createUser(prisma, actor, { username: "op1", password: "op1-password-long", roles: ["OPERATOR"], canSecondary: false });
  assert.deepEqual(u.roles, ["OPERATOR"]);
  assert.equal(u.canPrimary, true);
  assert.equal(u.canSecondary, false);
  const audit = await prisma.auditEvent.findMany({ where: { action: "user.create", targetId: u.id } });
  assert.equal(audit.length, 1);
  assert.equal(audit[0].actorId, root.id);
});

test("a duplicate username, in any case, is refused and leaves nothing behind", async () => {
  const users = await prisma.user.count();
  const audits = await prisma.auditEvent.count();
  await assert.rejects(
    createUser(prisma, actor, { username: "OP1", password: "another-password", roles: ["OPERATOR"] }),
    conflict(/already taken/),
  );
  assert.equal(await prisma.user.count(), users);
  assert.equal(await prisma.auditEvent.count(), audits);
});

test("the last active admin cannot be deactivated or lose the ADMIN role; an admin cannot deactivate themself", async () => {
  const other = await createUser(prisma, actor, { username: "admin2", password: "admin2-password", roles: ["ADMIN"] });
  await assert.rejects(updateUser(prisma, actor, root.id, { active: false }), conflict(/your own account/));
  const a2 = (await loadUser(prisma, other.id)) as SessionUser;
  await updateUser(prisma, a2, root.id, { roles: ["SUPERVISOR"] });
  await assert.rejects(updateUser(prisma, actor, other.id, { active: false }), (e: unknown) => e instanceof DomainError);
  // root is no longer admin; admin2 is the last one and cannot drop their own role either way.
  await assert.rejects(updateUser(prisma, a2, other.id, { roles: ["OPERATOR"] }), forbidden(/your own roles/));
  await updateUser(prisma, a2, root.id, { roles: ["ADMIN"] });
});

test("a permission edit changes what holders of the role can do on their next request", async () => {
  const op = await prisma.user.findUniqueOrThrow({ where: { username: "op1" } });
  assert.equal((await loadUser(prisma, op.id))!.permissions.includes("audit.read"), false);
  const current = (await prisma.rolePermission.findMany({ where: { role: "OPERATOR" } })).map((r) => r.permission);
  await setRolePermissions(prisma, actor, "OPERATOR", [...(current as never[]), "audit.read"]);
  assert.equal((await loadUser(prisma, op.id))!.permissions.includes("audit.read"), true);
  const audit = await prisma.auditEvent.findFirst({ where: { action: "role.permissions", targetId: "OPERATOR" }, orderBy: { id: "desc" } });
  assert.deepEqual(audit?.details, { added: ["audit.read"], removed: [] });
});

test("the ADMIN role keeps the permissions needed to manage users and roles", async () => {
  await assert.rejects(setRolePermissions(prisma, actor, "ADMIN", ["audit.read"]), conflict(/must keep users.manage and roles.manage/));
});

test("a deactivated user has no session user at all", async () => {
  const op = await prisma.user.findUniqueOrThrow({ where: { username: "op1" } });
  await updateUser(prisma, actor, op.id, { active: false });
  assert.equal(await loadUser(prisma, op.id), null);
  assert.equal(await prisma.auditEvent.count({ where: { action: "user.deactivate", targetId: op.id } }), 1);
});

test("nobody changes their own roles, not even to add one; their roles sent back unchanged are no change", async () => {
  const before = await prisma.user.findUniqueOrThrow({ where: { id: root.id }, include: { roles: true } });
  assert.deepEqual(
    before.roles.map((r) => r.role),
    ["ADMIN"],
  );
  const audits = await prisma.auditEvent.count();
  // An administrator who also granted themself OPERATOR or SUPERVISOR would hold a second door onto the cases.
  for (const roles of [["ADMIN", "OPERATOR"], ["ADMIN", "SUPERVISOR"], ["SUPERVISOR"]] as const)
    await assert.rejects(updateUser(prisma, actor, root.id, { roles: [...roles] }), forbidden(/your own roles/));
  const after = await prisma.user.findUniqueOrThrow({ where: { id: root.id }, include: { roles: true } });
  assert.deepEqual(
    after.roles.map((r) => r.role),
    ["ADMIN"],
  );
  assert.equal(await prisma.auditEvent.count(), audits, "a refusal writes nothing");
  const renamed = await updateUser(prisma, actor, root.id, { roles: ["ADMIN"], displayName: "Root" });
  assert.deepEqual([renamed.roles, renamed.displayName], [["ADMIN"], "Root"]);
  // Another administrator may change them.
  const other = (await loadUser(prisma, (await prisma.user.findUniqueOrThrow({ where: { username: "admin2" } })).id)) as SessionUser;
  assert.deepEqual((await updateUser(prisma, other, root.id, { roles: ["ADMIN", "SUPERVISOR"] })).roles, ["ADMIN", "SUPERVISOR"]);
});
