// The fatigue and haste guards and "work is not lost to a re-send", on real PostgreSQL (decision 0021):
// each guard triggers at its setting and not below; a confirmed hasty decision carries its HASTE flag; a re-sent
// request with the same gallery keeps the review done, a changed gallery starts afresh and says why.
import { after, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { createTestDatabase } from "./helpers/test-database";
import { seedReadyCase, seedUser } from "./helpers/seed-cases";
import { adjudicationRequest, CLOSED_DATASHARE_ORIGIN, intakeOptions, rid } from "./helpers/bridge-helpers";
import { seedRolePermissions } from "@/lib/auth/seed-role-permissions";
import { loadUser, type SessionUser } from "@/lib/auth/load-user";
import { assignWaitingCases } from "@/lib/cases/assign-cases";
import { claimNextCase } from "@/lib/cases/claim-next-case";
import { recordDecision } from "@/lib/cases/record-decision";
import { decisionBody } from "@/lib/cases/decision-input";
import { getCaseView } from "@/lib/cases/get-case-view";
import { lockCase, settleCaseData } from "@/lib/cases/settle-case-data";
import { loadOwnWorkStatus, loadWorkStatuses } from "@/lib/cases/work-status";
import { receiveRequest } from "@/lib/intake/receive-request";
import { loadWorkLimits } from "@/lib/supervision/load-work-limits";
import { DomainError, type DomainErrorCode } from "@/lib/errors/domain-error";
import { parseEnv } from "@/lib/env/env-schema";
import { DEFAULT_GUARD_SETTINGS, getGuardSettings, updateGuardSettings, type GuardSettings } from "@/lib/settings/guard-settings";

const t = await createTestDatabase("guards");
const prisma = t.db.prisma;
after(() => t.drop());
await seedRolePermissions(prisma);
const mosip = parseEnv({}).mosip;
const admin = await seedUser(prisma, ["ADMIN"]);
const opts = intakeOptions([CLOSED_DATASHARE_ORIGIN, "http://ds"], { maxBytes: 64 * 1024 });

beforeEach(async () => {
  await prisma.outboxMessage.deleteMany();
  await prisma.decision.deleteMany();
  await prisma.case.deleteMany();
  await prisma.user.updateMany({ where: { id: { not: admin.id } }, data: { active: false } });
  await prisma.setting.deleteMany();
});

const status = (code: DomainErrorCode) => (e: unknown) => e instanceof DomainError && e.code === code;
const guards = (g: Partial<GuardSettings>) => updateGuardSettings(prisma, admin, { ...off, ...g });
const off: GuardSettings = {
  maxContinuousWorkMinutes: 0,
  breakMinutes: 15,
  maxCasesPerHour: 0,
  maxCasesPerDay: 0,
  minDwellBaseSeconds: 0,
  minDwellSecondsPerComparison: 0,
};
const verdictFor = (c: { candidates: { referenceId: string }[] }, comment?: string) =>
  decisionBody.parse({
    candidates: c.candidates.map((k) => ({ referenceId: k.referenceId, duplicate: false })),
    ...(comment ? { comment } : {}),
  });

/** Claims the next case for the operator and opens it, as the workbench does; returns the case and the first view's time. */
async function claimAndOpen(user: SessionUser) {
  const next = await claimNextCase(prisma, user);
  assert.ok(next, "a case is waiting");
  await getCaseView(prisma, user, next.caseId);
  const view = await prisma.reviewView.findUniqueOrThrow({
    where: { caseId_userId_level: { caseId: next.caseId, userId: user.id, level: next.level } },
  });
  const c = await prisma.case.findUniqueOrThrow({ where: { id: next.caseId }, include: { candidates: true } });
  return { c, openedAt: view.at };
}

test("guards are settings: defaults a country accepts, dwell off; validated and audited old → new", async () => {
  assert.deepEqual(await getGuardSettings(prisma), DEFAULT_GUARD_SETTINGS);
  assert.equal(DEFAULT_GUARD_SETTINGS.minDwellBaseSeconds + DEFAULT_GUARD_SETTINGS.minDwellSecondsPerComparison, 0);
  const r = await updateGuardSettings(prisma, admin, { maxCasesPerHour: 30 });
  assert.deepEqual(r.changed, ["maxCasesPerHour"]);
  const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "settings.update", targetId: "guards" } });
  assert.deepEqual(audit.details, { changed: ["maxCasesPerHour"], from: { maxCasesPerHour: 60 }, to: { maxCasesPerHour: 30 } });
  assert.equal((await getGuardSettings(prisma)).maxContinuousWorkMinutes, 120, "a setting left out keeps its value");
});

test("minimum dwell: refused below it with the seconds required and elapsed, accepted at it; a confirmed hasty decision is flagged HASTE", async () => {
  // 10 s + 5 s per comparison; two candidates, no biometrics read (1 modality): 20 s.
  await guards({ minDwellBaseSeconds: 10, minDwellSecondsPerComparison: 5 });
  const a = await seedUser(prisma, ["OPERATOR"]);
  await seedUser(prisma, ["OPERATOR"]);
  await seedReadyCase(prisma, { candidates: 2 });
  const { c, openedAt } = await claimAndOpen(a);
  const at = (s: number) => new Date(openedAt.getTime() + s * 1000);

  const refusal = await recordDecision(prisma, a, c.id, verdictFor(c), mosip, at(19)).then(
    () => assert.fail("a decision after 19 s of 20 must be refused"),
    (e: unknown) => e,
  );
  assert.ok(status("haste_confirmation_required")(refusal));
  assert.deepEqual((refusal as DomainError).details, { requiredSeconds: 20, elapsedSeconds: 19 });
  assert.equal(await prisma.decision.count({ where: { caseId: c.id } }), 0, "nothing is written");

  assert.equal(await recordDecision(prisma, a, c.id, verdictFor(c), mosip, at(19), { hasteConfirmed: true }), "AWAITING_SECONDARY");
  const decision = await prisma.decision.findFirstOrThrow({ where: { caseId: c.id }, include: { flags: true } });
  assert.equal(decision.flags.length, 1);
  assert.equal(decision.flags[0].kind, "HASTE");
  assert.match(decision.flags[0].detail, /19 s of the 20 s/);
  assert.equal(JSON.stringify(decision.body).includes("hasteConfirmed"), false, "the confirmation is not part of the decision");
  const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "case.decision", targetId: c.id } });
  assert.deepEqual(audit.details, { level: "PRIMARY", haste: { requiredSeconds: 20, elapsedSeconds: 19 } });

  // The secondary's dwell runs from their own first view, at their level: 20 s is enough, no flag.
  const second = await prisma.case.findUniqueOrThrow({ where: { id: c.id } });
  const secondary = (await loadUser(prisma, second.secondaryAssigneeId!))!;
  await getCaseView(prisma, secondary, c.id);
  const view = await prisma.reviewView.findUniqueOrThrow({
    where: { caseId_userId_level: { caseId: c.id, userId: secondary.id, level: "SECONDARY" } },
  });
  const noConfirm = new Date(view.at.getTime() + 20_000);
  assert.equal(await recordDecision(prisma, secondary, c.id, verdictFor(c), mosip, noConfirm), "DECIDED");
  assert.equal(await prisma.qualityFlag.count({ where: { caseId: c.id } }), 1, "only the hasty decision is flagged");
});

test("a decision with no view at all has dwelt 0 s; with the guard off nothing is asked", async () => {
  const a = await seedUser(prisma, ["OPERATOR"]);
  await seedUser(prisma, ["OPERATOR"]);
  const c = await seedReadyCase(prisma, { candidates: 1 });
  await claimNextCase(prisma, a);
  assert.equal(await recordDecision(prisma, a, c.id, verdictFor(c), mosip), "AWAITING_SECONDARY", "off by default");
  await guards({ minDwellBaseSeconds: 1 });
  const d = await seedReadyCase(prisma, { candidates: 1 });
  await claimNextCase(prisma, a);
  await assert.rejects(recordDecision(prisma, a, d.id, verdictFor(d), mosip), (e: unknown) => {
    return status("haste_confirmation_required")(e) && (e as DomainError).details?.elapsedSeconds === 0;
  });
});

test("cases per hour: Next case refuses new work at the setting, not below; a held case is still given back; the assigner passes over", async () => {
  await guards({ maxCasesPerHour: 3 });
  const a = await seedUser(prisma, ["OPERATOR"], { canSecondary: false });
  for (let i = 0; i < 4; i++) await seedReadyCase(prisma, { candidates: 1 });
  for (let i = 0; i < 2; i++) {
    const { c } = await claimAndOpen(a);
    await recordDecision(prisma, a, c.id, verdictFor(c), mosip);
  }
  // Two decisions of three: a third case is still handed out.
  const third = await claimNextCase(prisma, a);
  assert.ok(third);
  await guards({ maxCasesPerHour: 2 });
  assert.deepEqual(await claimNextCase(prisma, a), third, "the case already held may still be decided");
  const c3 = await prisma.case.findUniqueOrThrow({ where: { id: third.caseId }, include: { candidates: true } });
  await recordDecision(prisma, a, c3.id, verdictFor(c3), mosip);

  const refusal = await claimNextCase(prisma, a).then(
    () => assert.fail("at the limit Next case must refuse"),
    (e: unknown) => e,
  );
  assert.ok(status("work_limit_reached")(refusal));
  const details = (refusal as DomainError).details!;
  assert.equal(details.limit, "hour");
  const first = await prisma.decision.findFirstOrThrow({ where: { userId: a.id }, orderBy: { createdAt: "asc" }, skip: 1 });
  assert.equal(
    details.resumeAt,
    new Date(first.createdAt.getTime() + 3600_000).toISOString(),
    "when the second-oldest of three leaves the hour",
  );
  assert.match((refusal as Error).message, /cases per hour.*already assigned to you may still be decided/);

  assert.equal(await assignWaitingCases(prisma), 0, "the assigner does not hand the waiting case to an operator at a limit");
  const view = await loadWorkLimits(prisma, new Date());
  const row = view.operators.find((o) => o.userId === a.id)!;
  assert.equal(row.casesLastHour, 3);
  assert.equal(row.reached?.limit, "hour");
  assert.equal(row.near, true);
  // The officer's own queue page reads the same limit and the same moment Next case gave.
  const own = await loadOwnWorkStatus(prisma, a.id, await getGuardSettings(prisma), new Date());
  assert.deepEqual([own.casesLastHour, own.limits.maxCasesPerHour, own.reached], [3, 2, { limit: "hour", resumeAt: details.resumeAt }]);
});

test("cases per day and continuous work: each triggers at its setting and says when work resumes", async () => {
  const a = await seedUser(prisma, ["OPERATOR"]);
  const cases = await Promise.all(Array.from({ length: 5 }, () => seedReadyCase(prisma, { candidates: 1 })));
  const now = new Date();
  const ago = (m: number) => new Date(now.getTime() - m * 60_000);
  // Cases opened every 14 minutes (under the 15-minute break), the first 59 minutes ago.
  await prisma.reviewView.createMany({
    data: [59, 45, 31, 17, 3].map((m, i) => ({ caseId: cases[i].id, userId: a.id, level: "PRIMARY" as const, at: ago(m) })),
  });
  await guards({ maxContinuousWorkMinutes: 60, breakMinutes: 15 });
  assert.ok(await claimNextCase(prisma, a, now), "59 minutes of work: under the hour");
  await prisma.case.updateMany({ where: { primaryAssigneeId: a.id }, data: { state: "READY", primaryAssigneeId: null } });
  const later = new Date(now.getTime() + 60_000);
  await assert.rejects(claimNextCase(prisma, a, later), (e: unknown) => {
    const d = (e as DomainError).details;
    return (
      status("work_limit_reached")(e) && d?.limit === "continuous" && d.resumeAt === new Date(ago(3).getTime() + 15 * 60_000).toISOString()
    );
  });

  await guards({ maxCasesPerDay: 2 });
  const d1 = await prisma.decision.create({
    data: { caseId: cases[0].id, level: "PRIMARY", userId: a.id, body: {}, createdAt: ago(23 * 60) },
  });
  assert.ok(await claimNextCase(prisma, a, now), "one decision in 24 hours of two");
  await prisma.case.updateMany({ where: { primaryAssigneeId: a.id }, data: { state: "READY", primaryAssigneeId: null } });
  await prisma.decision.create({ data: { caseId: cases[1].id, level: "PRIMARY", userId: a.id, body: {}, createdAt: ago(120) } });
  await assert.rejects(claimNextCase(prisma, a, now), (e: unknown) => {
    const d = (e as DomainError).details;
    return (
      status("work_limit_reached")(e) && d?.limit === "day" && d.resumeAt === new Date(d1.createdAt.getTime() + 24 * 3600_000).toISOString()
    );
  });
});

// ---- Work is not lost to a re-send --------------------------------------------------------------------------

const send = (referenceId: string, gallery: string[]) =>
  receiveRequest(
    prisma,
    {
      destination: "mosip-to-adjudication",
      headers: { "message-id": `ID:test-${randomUUID()}` },
      body: new TextEncoder().encode(
        JSON.stringify(
          adjudicationRequest({
            referenceId,
            gallery: gallery.map((g, i) => ({ referenceId: g, referenceURL: `http://ds/g${i}-${randomUUID()}` })),
          }),
        ),
      ),
    },
    opts,
  ).then((r) => {
    assert.equal(r.outcome, "created");
    return (r as { caseId: string }).caseId;
  });

/** The datashares arrive: every download stored, and the case's data settled as the download worker does. */
async function downloadsArrive(caseId: string) {
  await prisma.$transaction(async (tx) => {
    await lockCase(tx, caseId);
    await tx.datashareDownload.updateMany({ where: { caseId }, data: { state: "STORED", url: null } });
    await settleCaseData(tx, caseId);
  });
  return prisma.case.findUniqueOrThrow({ where: { id: caseId }, include: { candidates: true } });
}

/** A case in secondary review: A decided with a comment, B holds the secondary, supervisor S saw it. */
async function reviewInProgress(referenceId: string, gallery: string[]) {
  const a = await seedUser(prisma, ["OPERATOR"]);
  const caseId = await send(referenceId, gallery);
  const c = await downloadsArrive(caseId);
  assert.equal(c.state, "READY");
  await claimNextCase(prisma, a);
  assert.equal(await recordDecision(prisma, a, caseId, verdictFor(c, "no match on any finger"), mosip), "AWAITING_SECONDARY");
  const b = await seedUser(prisma, ["OPERATOR"]);
  assert.equal(await assignWaitingCases(prisma), 1);
  const s = await seedUser(prisma, ["SUPERVISOR"]);
  await getCaseView(prisma, s, caseId);
  return { a, b, s, oldId: caseId };
}

test("a re-send with the same gallery keeps the primary decision, its comment, the assignments and the exposures", async () => {
  const referenceId = rid();
  const gallery = [rid(), rid()];
  const { a, b, s, oldId } = await reviewInProgress(referenceId, gallery);

  const newId = await send(referenceId, [...gallery].reverse());
  const fresh = await prisma.case.findUniqueOrThrow({ where: { id: newId }, include: { decisions: true, exposures: true } });
  assert.equal((await prisma.case.findUniqueOrThrow({ where: { id: oldId } })).state, "SUPERSEDED");
  assert.equal(fresh.state, "FETCHING", "the new request's datashares are downloaded first");
  assert.equal(fresh.primaryAssigneeId, a.id);
  assert.equal(fresh.secondaryAssigneeId, b.id);
  assert.equal(fresh.decisions.length, 1);
  assert.equal(fresh.decisions[0].level, "PRIMARY");
  assert.equal(fresh.decisions[0].userId, a.id);
  assert.equal(fresh.decisions[0].comment, "no match on any finger");
  assert.ok(fresh.decisions[0].carriedFromId);
  assert.deepEqual(
    fresh.exposures.map((e) => e.userId),
    [s.id],
    "the supervisor who saw the verdict stays barred",
  );
  const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "case.progressCarried", targetId: newId } });
  assert.deepEqual(audit.details, {
    outcome: "carried",
    fromCaseId: oldId,
    decisions: ["PRIMARY"],
    primaryAssigneeId: a.id,
    secondaryAssigneeId: b.id,
    addedCandidates: 0,
    removedCandidates: 0,
  });
  assert.equal(
    (await loadWorkStatuses(prisma, [a.id], DEFAULT_GUARD_SETTINGS, new Date())).get(a.id)?.casesLastHour,
    1,
    "a carried copy is not new work",
  );

  // Once the data is in, the case is back in secondary review with B, who decides it under the new requestId.
  const ready = await downloadsArrive(newId);
  assert.equal(ready.state, "IN_SECONDARY");
  assert.equal((await getCaseView(prisma, s, newId)).resend?.outcome, "carried");
  await assert.rejects(recordDecision(prisma, a, newId, verdictFor(ready), mosip), status("conflict"));
  assert.equal(await recordDecision(prisma, b, newId, verdictFor(ready), mosip), "DECIDED");
  const out = await prisma.outboxMessage.findUniqueOrThrow({ where: { caseId: newId } });
  assert.equal(out.requestId, ready.requestId);
  assert.equal(await prisma.outboxMessage.count({ where: { caseId: oldId } }), 0, "the superseded requestId is never answered");
});

test("a re-send with a changed gallery starts afresh and says why, in counts and candidate row ids; who saw a verdict stays barred", async () => {
  const referenceId = rid();
  const [g1, g2, g3] = [rid(), rid(), rid()];
  const { a, s, oldId } = await reviewInProgress(referenceId, [g1, g2]);
  const newId = await send(referenceId, [g1, g3]);
  const fresh = await prisma.case.findUniqueOrThrow({
    where: { id: newId },
    include: { decisions: true, exposures: true, candidates: true },
  });
  assert.equal(fresh.primaryAssigneeId, null);
  assert.equal(fresh.secondaryAssigneeId, null);
  assert.equal(fresh.decisions.length, 0);
  assert.deepEqual(fresh.exposures.map((e) => e.userId).sort(), [a.id, s.id].sort());
  const oldG2 = await prisma.candidate.findFirstOrThrow({ where: { caseId: oldId, referenceId: g2 } });
  const newG3 = fresh.candidates.find((c) => c.referenceId === g3)!;
  const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "case.progressRestarted", targetId: newId } });
  assert.deepEqual(audit.details, {
    outcome: "restarted",
    fromCaseId: oldId,
    reason: "gallery changed",
    addedCandidates: 1,
    removedCandidates: 1,
    addedCandidateIds: [newG3.id],
    removedCandidateIds: [oldG2.id],
  });
  assert.equal(JSON.stringify(audit.details).includes(g3), false, "no RID in the audit row");
  assert.equal((await downloadsArrive(newId)).state, "READY");
  assert.deepEqual((await getCaseView(prisma, s, newId)).resend, { outcome: "restarted", addedCandidates: 1, removedCandidates: 1 });
});
