import { test, after, beforeEach } from "node:test";
import assert from "node:assert/strict";
import { createTestDatabase } from "./helpers/test-database";
import { seedReadyCase, seedUser } from "./helpers/seed-cases";
import { seedRolePermissions } from "@/lib/auth/seed-role-permissions";
import { assignWaitingCases } from "@/lib/cases/assign-cases";
import { claimNextCase } from "@/lib/cases/claim-next-case";
import { recordDecision } from "@/lib/cases/record-decision";
import { reassignCase } from "@/lib/cases/reassign-case";
import { decisionBody } from "@/lib/cases/decision-input";
import { DomainError, type DomainErrorCode } from "@/lib/errors/domain-error";
import { parseEnv } from "@/lib/env/env-schema";
import { SETTINGS_KEY } from "@/lib/settings/adjudication-settings";

const t = await createTestDatabase("review");
const prisma = t.db.prisma;
after(() => t.drop());
await seedRolePermissions(prisma);
const mosip = parseEnv({}).mosip;

beforeEach(async () => {
  await prisma.outboxMessage.deleteMany();
  await prisma.decision.deleteMany();
  await prisma.case.deleteMany();
  await prisma.user.updateMany({ data: { active: false } });
  await prisma.setting.deleteMany({ where: { key: SETTINGS_KEY } });
});

const status = (s: DomainErrorCode) => (e: unknown) => e instanceof DomainError && e.code === s;

test("primary and secondary agree on a duplicate: one outbox row with MOSIP's response, never the same person twice", async () => {
  const a = await seedUser(prisma, ["OPERATOR"]);
  const b = await seedUser(prisma, ["OPERATOR"]);
  const c = await seedReadyCase(prisma, { candidates: 2 });
  assert.equal(await assignWaitingCases(prisma), 1);
  const afterPrimary = await prisma.case.findUniqueOrThrow({ where: { id: c.id } });
  assert.equal(afterPrimary.state, "IN_PRIMARY");
  const primary = afterPrimary.primaryAssigneeId === a.id ? a : b;
  const secondary = primary === a ? b : a;

  const verdict = decisionBody.parse({
    candidates: [
      { referenceId: c.candidates[0].referenceId, duplicate: true, modalities: { fingers: ["RIGHT_THUMB"] } },
      { referenceId: c.candidates[1].referenceId, duplicate: false },
    ],
    comment: "thumb matches",
  });
  await assert.rejects(recordDecision(prisma, secondary, c.id, verdict, mosip), status("forbidden"));
  assert.equal(await recordDecision(prisma, primary, c.id, verdict, mosip), "AWAITING_SECONDARY");
  const mid = await prisma.case.findUniqueOrThrow({ where: { id: c.id } });
  assert.equal(mid.state, "IN_SECONDARY");
  assert.equal(mid.secondaryAssigneeId, secondary.id, "the only other operator is the secondary");
  await assert.rejects(recordDecision(prisma, primary, c.id, verdict, mosip), status("conflict"));

  assert.equal(await recordDecision(prisma, secondary, c.id, decisionBody.parse({ ...verdict, comment: "agree" }), mosip), "DECIDED");
  const out = await prisma.outboxMessage.findUniqueOrThrow({ where: { caseId: c.id } });
  assert.equal(out.destination, "adjudication-to-mosip");
  const body = JSON.parse(out.body!);
  assert.equal(body.requestId, c.requestId);
  assert.equal(body.returnValue, 1);
  assert.equal(body.candidateList.count, 1);
  assert.deepEqual(
    body.candidateList.candidates.map((x: { referenceId: string }) => x.referenceId),
    [c.candidates[0].referenceId],
  );
  assert.equal(body.candidateList.analytics.primaryOperatorID, primary.username);
  assert.equal(body.candidateList.analytics.secondaryOperatorID, secondary.username);
  assert.equal(body.candidateList.analytics.secondaryOperatorComments, "agree");
  assert.equal(body.candidateList.candidates[0].analytics.Finger, "Right_Thumb");
  assert.equal((await prisma.case.findUniqueOrThrow({ where: { id: c.id } })).state, "DECIDED");
  await assert.rejects(recordDecision(prisma, secondary, c.id, verdict, mosip), status("conflict"));
  assert.equal(await prisma.outboxMessage.count(), 1);
});

test("a case waits for a secondary when the only eligible operator is its primary", async () => {
  const a = await seedUser(prisma, ["OPERATOR"]);
  const c = await seedReadyCase(prisma, { kind: "VERIFICATION" });
  assert.deepEqual(await claimNextCase(prisma, a), { caseId: c.id, level: "PRIMARY" });
  assert.equal(await recordDecision(prisma, a, c.id, decisionBody.parse({ approve: true }), mosip), "AWAITING_SECONDARY");
  assert.equal(await claimNextCase(prisma, a), null, "never offered the secondary review of their own case");
  assert.equal(await assignWaitingCases(prisma), 0);
  const b = await seedUser(prisma, ["OPERATOR"], { canPrimary: false });
  assert.equal(await assignWaitingCases(prisma), 1);
  assert.equal((await prisma.case.findUniqueOrThrow({ where: { id: c.id } })).secondaryAssigneeId, b.id);
});

test("a disagreement goes to the conflicts queue and a supervisor's resolution is final and named", async () => {
  const a = await seedUser(prisma, ["OPERATOR"]);
  const b = await seedUser(prisma, ["OPERATOR"]);
  const sup = await seedUser(prisma, ["SUPERVISOR"]);
  const c = await seedReadyCase(prisma, { candidates: 1 });
  const first = await claimNextCase(prisma, a);
  assert.equal(first?.caseId, c.id);
  const rid = c.candidates[0].referenceId;
  await recordDecision(prisma, a, c.id, decisionBody.parse({ candidates: [{ referenceId: rid, duplicate: true }] }), mosip);
  const kase = await prisma.case.findUniqueOrThrow({ where: { id: c.id } });
  assert.equal(kase.secondaryAssigneeId, b.id);
  assert.equal(
    await recordDecision(prisma, b, c.id, decisionBody.parse({ candidates: [{ referenceId: rid, duplicate: false }] }), mosip),
    "CONFLICT",
  );
  await assert.rejects(
    recordDecision(prisma, a, c.id, decisionBody.parse({ candidates: [{ referenceId: rid, duplicate: true }] }), mosip),
    status("conflict"),
  );
  assert.equal(
    await recordDecision(
      prisma,
      sup,
      c.id,
      decisionBody.parse({ candidates: [{ referenceId: rid, duplicate: false }], comment: "different person" }),
      mosip,
    ),
    "DECIDED",
  );
  const body = JSON.parse((await prisma.outboxMessage.findUniqueOrThrow({ where: { caseId: c.id } })).body!);
  assert.equal(body.candidateList.count, 0);
  assert.equal(body.candidateList.analytics.supervisorID, sup.username);
  assert.equal(body.candidateList.analytics.supervisorComments, "different person");
});

test("secondary review only for duplicates, when the setting says so", async () => {
  await prisma.setting.create({ data: { key: SETTINGS_KEY, value: { secondaryReview: "DUPLICATES_ONLY" } } });
  const a = await seedUser(prisma, ["OPERATOR"]);
  await seedUser(prisma, ["OPERATOR"]);
  const c = await seedReadyCase(prisma, { candidates: 1 });
  await claimNextCase(prisma, a);
  assert.equal(
    await recordDecision(
      prisma,
      a,
      c.id,
      decisionBody.parse({ candidates: [{ referenceId: c.candidates[0].referenceId, duplicate: false }] }),
      mosip,
    ),
    "DECIDED",
  );
});

test("decisions must cover exactly the case's candidates and match its kind", async () => {
  const a = await seedUser(prisma, ["OPERATOR"]);
  const c = await seedReadyCase(prisma, { candidates: 2 });
  await claimNextCase(prisma, a);
  await assert.rejects(
    recordDecision(
      prisma,
      a,
      c.id,
      decisionBody.parse({ candidates: [{ referenceId: c.candidates[0].referenceId, duplicate: false }] }),
      mosip,
    ),
    status("invalid"),
  );
  await assert.rejects(
    recordDecision(
      prisma,
      a,
      c.id,
      decisionBody.parse({
        candidates: [
          { referenceId: "999", duplicate: false },
          { referenceId: c.candidates[0].referenceId, duplicate: false },
        ],
      }),
      mosip,
    ),
    status("invalid"),
  );
  await assert.rejects(recordDecision(prisma, a, c.id, decisionBody.parse({ approve: true }), mosip), status("invalid"));
  assert.equal(await prisma.decision.count(), 0, "nothing half-written");
});

test("caps and least-loaded assignment hold when operators pull cases concurrently", async () => {
  await prisma.setting.create({ data: { key: SETTINGS_KEY, value: { defaultCaseCap: 2 } } });
  const ops = [await seedUser(prisma, ["OPERATOR"]), await seedUser(prisma, ["OPERATOR"]), await seedUser(prisma, ["OPERATOR"])];
  for (let i = 0; i < 8; i++) await seedReadyCase(prisma, { candidates: 1 });
  // Everyone presses "Next case" several times at once, while the automatic assigner runs too.
  const pulls = ops.flatMap((o) => [claimNextCase(prisma, o), claimNextCase(prisma, o), claimNextCase(prisma, o)]);
  await Promise.all([...pulls, assignWaitingCases(prisma)]);
  await assignWaitingCases(prisma);
  const cases = await prisma.case.findMany({ where: { state: "IN_PRIMARY" } });
  assert.equal(cases.length, 6, "three operators with a cap of two hold six cases");
  for (const o of ops) assert.equal(cases.filter((c) => c.primaryAssigneeId === o.id).length, 2, `${o.username} holds exactly their cap`);
  assert.equal(await prisma.case.count({ where: { state: "READY" } }), 2);
});

test("reassignment moves the review to another eligible operator with a reason; the old assignee loses it", async () => {
  const a = await seedUser(prisma, ["OPERATOR"]);
  const b = await seedUser(prisma, ["OPERATOR"]);
  const noSecondary = await seedUser(prisma, ["OPERATOR"], { canSecondary: false });
  const sup = await seedUser(prisma, ["SUPERVISOR"]);
  const c = await seedReadyCase(prisma, { candidates: 1 });
  await claimNextCase(prisma, a);
  await reassignCase(prisma, sup, c.id, { level: "PRIMARY", userId: b.id, reason: "a is on leave" });
  const v = decisionBody.parse({ candidates: [{ referenceId: c.candidates[0].referenceId, duplicate: true }] });
  await assert.rejects(recordDecision(prisma, a, c.id, v, mosip), status("forbidden"));
  assert.equal(await recordDecision(prisma, b, c.id, v, mosip), "AWAITING_SECONDARY");
  const mid = await prisma.case.findUniqueOrThrow({ where: { id: c.id } });
  await assert.rejects(reassignCase(prisma, sup, c.id, { level: "SECONDARY", userId: b.id, reason: "x" }), status("conflict"));
  await assert.rejects(reassignCase(prisma, sup, c.id, { level: "SECONDARY", userId: noSecondary.id, reason: "x" }), status("conflict"));
  await assert.rejects(reassignCase(prisma, sup, c.id, { level: "PRIMARY", userId: a.id, reason: "x" }), status("conflict"));
  const other = mid.secondaryAssigneeId === a.id ? noSecondary : a;
  if (other.id !== noSecondary.id)
    await assert.rejects(reassignCase(prisma, sup, c.id, { level: "SECONDARY", userId: a.id, reason: "x" }), status("conflict"));
  const audit = await prisma.auditEvent.findFirst({ where: { action: "case.reassigned", targetId: c.id } });
  assert.deepEqual(audit?.details, { level: "PRIMARY", from: a.id, to: b.id, reason: "a is on leave" });
});
