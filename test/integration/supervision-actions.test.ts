// What supervisors and admins change: release, bulk reassignment, the case search filters (a RID look-up is
// audited), the adjudication settings and per-operator caps. Each change is audited in its own transaction.
import { after, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { createTestDatabase } from "./helpers/test-database";
import { seedReadyCase, seedUser } from "./helpers/seed-cases";
import { seedRolePermissions } from "@/lib/auth/seed-role-permissions";
import { assignWaitingCases } from "@/lib/cases/assign-cases";
import { listCases, listCasesQuery } from "@/lib/cases/list-cases";
import { releaseCase } from "@/lib/cases/release-case";
import { bulkReassign } from "@/lib/cases/bulk-reassign";
import { updateSettings } from "@/lib/settings/update-settings";
import { updateUser } from "@/lib/users/update-user";
import { updateUserBody } from "@/lib/users/user-schemas";
import { adjudicationSettingsSchema, DEFAULT_SETTINGS, getAdjudicationSettings, SETTINGS_KEY } from "@/lib/settings/adjudication-settings";
import { DomainError, type DomainErrorCode } from "@/lib/errors/domain-error";

const t = await createTestDatabase("sup_act");
const prisma = t.db.prisma;
after(() => t.drop());
await seedRolePermissions(prisma);

// The audit log is append-only (a trigger refuses UPDATE and DELETE): each test reads only the rows after this id.
let auditSince = 0n;

beforeEach(async () => {
  await prisma.decision.deleteMany();
  await prisma.case.deleteMany();
  auditSince = (await prisma.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } }))?.id ?? 0n;
  await prisma.user.updateMany({ data: { active: false } });
  await prisma.setting.deleteMany({ where: { key: SETTINGS_KEY } });
});

const status = (s: DomainErrorCode) => (e: unknown) => e instanceof DomainError && e.code === s;
const audits = (action: string) => prisma.auditEvent.findMany({ where: { action, id: { gt: auditSince } }, orderBy: { id: "asc" } });

test("release: a primary review goes back to READY, a secondary loses its reviewer, both audited; nothing else can be released", async () => {
  const sup = await seedUser(prisma, ["SUPERVISOR"]);
  const a = await seedUser(prisma, ["OPERATOR"]);
  const c = await seedReadyCase(prisma);
  await prisma.case.update({ where: { id: c.id }, data: { state: "IN_PRIMARY", primaryAssigneeId: a.id, primaryAssignedAt: new Date() } });

  assert.deepEqual(await releaseCase(prisma, sup, c.id, { reason: "operator went home" }), { level: "PRIMARY", state: "READY" });
  const released = await prisma.case.findUniqueOrThrow({ where: { id: c.id } });
  assert.deepEqual([released.state, released.primaryAssigneeId, released.primaryAssignedAt], ["READY", null, null]);
  const [row] = await audits("case.released");
  assert.equal(row.actorId, sup.id);
  assert.equal(row.targetId, c.id);
  assert.deepEqual(row.details, { level: "PRIMARY", from: a.id, reason: "operator went home" });
  await assert.rejects(releaseCase(prisma, sup, c.id, { reason: "again" }), status("conflict"));

  // Secondary: the assigner then picks someone who is not the primary.
  const b = await seedUser(prisma, ["OPERATOR"]);
  const s = await seedUser(prisma, ["OPERATOR"]);
  await prisma.case.update({ where: { id: c.id }, data: { state: "IN_SECONDARY", primaryAssigneeId: a.id, secondaryAssigneeId: b.id } });
  await prisma.decision.create({ data: { caseId: c.id, level: "PRIMARY", userId: a.id, body: { cannotAdjudicate: true } } });
  assert.deepEqual(await releaseCase(prisma, sup, c.id, { reason: "b is on leave" }), { level: "SECONDARY", state: "IN_SECONDARY" });
  assert.equal((await prisma.case.findUniqueOrThrow({ where: { id: c.id } })).secondaryAssigneeId, null);
  await prisma.user.update({ where: { id: b.id }, data: { active: false } });
  assert.equal(await assignWaitingCases(prisma), 1);
  assert.equal((await prisma.case.findUniqueOrThrow({ where: { id: c.id } })).secondaryAssigneeId, s.id);
  await assert.rejects(releaseCase(prisma, sup, "00000000-0000-4000-8000-000000000000", { reason: "x" }), status("not_found"));
});

test("bulk reassignment moves what it can and reports every case; each move has its own audit row", async () => {
  const sup = await seedUser(prisma, ["SUPERVISOR"]);
  const a = await seedUser(prisma, ["OPERATOR"]);
  const b = await seedUser(prisma, ["OPERATOR"]);
  const inPrimary = await seedReadyCase(prisma);
  await prisma.case.update({ where: { id: inPrimary.id }, data: { state: "IN_PRIMARY", primaryAssigneeId: a.id } });
  const ready = await seedReadyCase(prisma);
  const bIsPrimary = await seedReadyCase(prisma);
  await prisma.case.update({
    where: { id: bIsPrimary.id },
    data: { state: "IN_SECONDARY", primaryAssigneeId: b.id, secondaryAssigneeId: a.id },
  });
  // Four eyes reads who decided, not the assignee column: b made this case's primary decision.
  await prisma.decision.create({ data: { caseId: bIsPrimary.id, level: "PRIMARY", userId: b.id, body: { cannotAdjudicate: true } } });
  const answered = await seedReadyCase(prisma);
  await prisma.case.update({ where: { id: answered.id }, data: { state: "ANSWERED" } });
  const missing = "00000000-0000-4000-8000-000000000000";

  const results = await bulkReassign(prisma, sup, {
    caseIds: [inPrimary.id, ready.id, bIsPrimary.id, answered.id, missing],
    userId: b.id,
    reason: "rebalancing the queue",
  });
  assert.deepEqual(
    results.map((r) => (r.ok ? [r.caseId, "ok", r.level] : [r.caseId, r.code])),
    [
      [inPrimary.id, "ok", "PRIMARY"],
      [ready.id, "ok", "PRIMARY"],
      [bIsPrimary.id, "conflict"],
      [answered.id, "conflict"],
      [missing, "not_found"],
    ],
  );
  assert.match((results[2] as { error: string }).error, /primary reviewer cannot also be the secondary/);
  for (const id of [inPrimary.id, ready.id]) {
    const c = await prisma.case.findUniqueOrThrow({ where: { id } });
    assert.deepEqual([c.state, c.primaryAssigneeId], ["IN_PRIMARY", b.id]);
  }
  const rows = await audits("case.reassigned");
  assert.deepEqual(
    rows.map((r) => [r.targetId, (r.details as { reason: string }).reason, (r.details as { to: string }).to]),
    [
      [inPrimary.id, "rebalancing the queue", b.id],
      [ready.id, "rebalancing the queue", b.id],
    ],
  );
});

test("case search filters by kind, operator, age and exact RID; a RID look-up is audited without the RID", async () => {
  const sup = await seedUser(prisma, ["SUPERVISOR"]);
  const a = await seedUser(prisma, ["OPERATOR"]);
  const adj = await seedReadyCase(prisma, { referenceId: "10001100010000120260101000001" });
  const ver = await seedReadyCase(prisma, { kind: "VERIFICATION" });
  await prisma.case.update({
    where: { id: adj.id },
    data: { state: "IN_PRIMARY", primaryAssigneeId: a.id, receivedAt: new Date(Date.now() - 3 * 60 * 60_000) },
  });
  const q = (x: Record<string, string>) => listCasesQuery.parse({ scope: "all", ...x });

  assert.deepEqual(
    (await listCases(prisma, sup, q({ kind: "VERIFICATION" }))).map((c) => c.id),
    [ver.id],
  );
  const byOperator = await listCases(prisma, sup, q({ operator: a.id }));
  assert.deepEqual(
    byOperator.map((c) => [c.id, c.primaryAssignee?.username]),
    [[adj.id, a.username]],
  );
  assert.deepEqual(
    (await listCases(prisma, sup, q({ minAgeMinutes: "120" }))).map((c) => c.id),
    [adj.id],
  );
  assert.equal((await audits("case.search_rid")).length, 0, "searches without a RID are not look-ups of a person");

  assert.deepEqual(
    (await listCases(prisma, sup, q({ rid: adj.referenceId }))).map((c) => c.id),
    [adj.id],
  );
  assert.deepEqual(await listCases(prisma, sup, q({ rid: "10001100010000120260101999999" })), []);
  const rows = await audits("case.search_rid");
  assert.deepEqual(
    rows.map((r) => [r.actorId, r.targetId, r.details]),
    [
      [sup.id, adj.id, { matches: 1 }],
      [sup.id, null, { matches: 0 }],
    ],
  );
  assert.ok(
    !JSON.stringify(rows.map((r) => ({ ...r, id: String(r.id) }))).includes("1000110001000012026"),
    "the RID is not in the audit log",
  );
  assert.equal(listCasesQuery.safeParse({ scope: "all", rid: "x'; drop" }).success, false);
  await assert.rejects(listCases(prisma, a, q({})), status("forbidden"));
});

test("settings: validated, stored, audited old → new in the same transaction; per-operator caps through the user update", async () => {
  const admin = await seedUser(prisma, ["ADMIN"]);
  const op = await seedUser(prisma, ["OPERATOR"]);
  const defaults = { ...DEFAULT_SETTINGS, verificationRejectValue: 3 };

  const r = await updateSettings(
    prisma,
    admin,
    { secondaryReview: "DUPLICATES_ONLY", defaultCaseCap: 5, deadlineWarningMinutes: 45, verificationRejectValue: 3 },
    defaults,
  );
  assert.deepEqual(r.changed, ["secondaryReview", "deadlineWarningMinutes"]);
  assert.deepEqual(await getAdjudicationSettings(prisma), {
    secondaryReview: "DUPLICATES_ONLY",
    defaultCaseCap: 5,
    deadlineWarningMinutes: 45,
    verificationRejectValue: 3,
  });
  const [row] = await audits("settings.update");
  assert.equal(row.actorId, admin.id);
  assert.deepEqual(row.details, {
    changed: ["secondaryReview", "deadlineWarningMinutes"],
    from: { secondaryReview: "ALL", deadlineWarningMinutes: 30 },
    to: { secondaryReview: "DUPLICATES_ONLY", deadlineWarningMinutes: 45 },
  });
  assert.deepEqual((await updateSettings(prisma, admin, await getAdjudicationSettings(prisma), defaults)).changed, []);
  assert.equal((await audits("settings.update")).length, 1, "saving the same values audits nothing");

  // 1 means approve and 2 resend: refused with a message that says so; so are out-of-range numbers.
  for (const bad of [
    { verificationRejectValue: 1 },
    { verificationRejectValue: 2 },
    { defaultCaseCap: 0 },
    { deadlineWarningMinutes: 1.5 },
    { secondaryReview: "SOME" },
  ]) {
    const parsed = adjudicationSettingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...bad });
    assert.equal(parsed.success, false, JSON.stringify(bad));
  }
  const msg = adjudicationSettingsSchema.safeParse({ ...DEFAULT_SETTINGS, verificationRejectValue: 2 }).error!.issues[0].message;
  assert.match(msg, /other than 1 \(approve\) and 2 \(resend\)/);

  await updateUser(prisma, admin, op.id, updateUserBody.parse({ caseCap: 3 }));
  await updateUser(prisma, admin, op.id, updateUserBody.parse({ caseCap: null }));
  const caps = (await audits("user.update")).map((e) => (e.details as { caseCap?: unknown }).caseCap);
  assert.deepEqual(caps, [
    { from: null, to: 3 },
    { from: 3, to: null },
  ]);
  assert.equal((await prisma.user.findUniqueOrThrow({ where: { id: op.id } })).caseCap, null);
  assert.equal(updateUserBody.safeParse({ caseCap: 0 }).success, false);
});
