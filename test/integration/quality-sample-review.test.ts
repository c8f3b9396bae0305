// Sample review on real PostgreSQL: agreed decisions are drawn at the set share, every flagged case is in the
// queue whatever the draw, and a supervisor's confirmation or error is recorded once, audited in the same
// transaction, and counted in each reviewer's figures.
import { after, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { createTestDatabase } from "./helpers/test-database";
import { seedReadyCase, seedUser } from "./helpers/seed-cases";
import { seedRolePermissions } from "@/lib/auth/seed-role-permissions";
import { assignReview } from "@/lib/cases/assign-review";
import { lockAssignment } from "@/lib/cases/operator-pool";
import { recordDecision } from "@/lib/cases/record-decision";
import { decisionBody } from "@/lib/cases/decision-input";
import { parseEnv } from "@/lib/env/env-schema";
import { DomainError, type DomainErrorCode } from "@/lib/errors/domain-error";
import type { SessionUser } from "@/lib/auth/load-user";
import { flagCaseForReview } from "@/lib/quality/flag-case-for-review";
import { listSampleQueue } from "@/lib/quality/list-sample-queue";
import { recordSampleReview } from "@/lib/quality/record-sample-review";
import { loadQualityFigures } from "@/lib/quality/load-quality-figures";
import { QUALITY_SETTINGS_KEY, updateQualitySettings } from "@/lib/settings/quality-settings";

const t = await createTestDatabase("sample");
const prisma = t.db.prisma;
after(() => t.drop());
await seedRolePermissions(prisma);
const mosip = parseEnv({}).mosip;
const status = (s: DomainErrorCode) => (e: unknown) => e instanceof DomainError && e.code === s;

beforeEach(async () => {
  await prisma.case.deleteMany();
  await prisma.user.updateMany({ data: { active: false } });
  await prisma.setting.deleteMany({ where: { key: QUALITY_SETTINGS_KEY } });
});

/** A case decided by primary and secondary in agreement; returns its id. */
async function agreedCase(primary: SessionUser, secondary: SessionUser): Promise<string> {
  const c = await seedReadyCase(prisma, { candidates: 1 });
  await prisma.$transaction(async (tx) => {
    await lockAssignment(tx);
    await assignReview(tx, { caseId: c.id, level: "PRIMARY", userId: primary.id, now: new Date(), actor: null, how: "automatic" });
  });
  const verdict = decisionBody.parse({ candidates: [{ referenceId: c.candidates[0].referenceId, duplicate: false }] });
  assert.equal(await recordDecision(prisma, primary, c.id, verdict, mosip), "AWAITING_SECONDARY");
  assert.equal((await prisma.case.findUniqueOrThrow({ where: { id: c.id } })).secondaryAssigneeId, secondary.id);
  assert.equal(await recordDecision(prisma, secondary, c.id, verdict, mosip), "DECIDED");
  return c.id;
}

test("the share of agreed decisions set is drawn: all at 100 %, none at 0 %", async () => {
  const [a, b] = [await seedUser(prisma, ["OPERATOR"]), await seedUser(prisma, ["OPERATOR"])];
  const chief = await seedUser(prisma, ["SUPERVISOR"]);
  const none = await agreedCase(a, b);
  await updateQualitySettings(prisma, chief, { knownAnswerPercent: 0, sampleReviewPercent: 100 });
  const all = await agreedCase(a, b);
  const queue = await listSampleQueue(prisma);
  assert.deepEqual(
    queue.map((q) => [q.caseId, q.reason]),
    [[all, "RANDOM"]],
  );
  assert.equal(await prisma.sampleReview.count({ where: { caseId: none } }), 0);
  const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "settings.update", targetId: QUALITY_SETTINGS_KEY } });
  assert.deepEqual(audit.details, { changed: ["sampleReviewPercent"], from: { sampleReviewPercent: 0 }, to: { sampleReviewPercent: 100 } });
});

test("a flagged case is always in the queue, even when the draw is 0 % and the flag came after the decision", async () => {
  const [a, b] = [await seedUser(prisma, ["OPERATOR"]), await seedUser(prisma, ["OPERATOR"])];
  const flaggedId = await agreedCase(a, b);
  await agreedCase(a, b);
  const decision = await prisma.decision.findFirstOrThrow({ where: { caseId: flaggedId, level: "PRIMARY" } });
  await prisma.$transaction((tx) =>
    flagCaseForReview(tx, { caseId: flaggedId, decisionId: decision.id, kind: "HASTE", detail: "dwell 4 s < 30 s" }),
  );
  const queue = await listSampleQueue(prisma);
  assert.equal(queue.length, 1);
  assert.deepEqual(
    [queue[0].caseId, queue[0].reason, queue[0].flags],
    [flaggedId, "FLAGGED", [{ kind: "HASTE", detail: "dwell 4 s < 30 s" }]],
  );
});

test("a supervisor confirms or records an error at a level: once, not on their own case, audited, counted per operator", async () => {
  const [a, b] = [await seedUser(prisma, ["OPERATOR"]), await seedUser(prisma, ["OPERATOR"])];
  const chief = await seedUser(prisma, ["SUPERVISOR"]);
  await updateQualitySettings(prisma, chief, { knownAnswerPercent: 0, sampleReviewPercent: 100 });
  const good = await agreedCase(a, b);
  const bad = await agreedCase(b, a);
  const notSampled = await seedReadyCase(prisma, { candidates: 1 });

  await assert.rejects(recordSampleReview(prisma, a, good, { outcome: "CONFIRMED" }), status("forbidden"));
  await assert.rejects(recordSampleReview(prisma, chief, notSampled.id, { outcome: "CONFIRMED" }), status("conflict"));
  await assert.rejects(recordSampleReview(prisma, chief, good, { outcome: "ERROR", wrongLevels: ["SUPERVISOR"] }), status("invalid"));

  assert.deepEqual(await recordSampleReview(prisma, chief, good, { outcome: "CONFIRMED" }), {
    caseId: good,
    outcome: "CONFIRMED",
    wrongLevels: [],
  });
  // b was primary on `bad` and got it wrong; a, the secondary, agreed and is right by the reviewer's judgement.
  await recordSampleReview(prisma, chief, bad, { outcome: "ERROR", wrongLevels: ["PRIMARY"], note: "  candidate 2 is the applicant " });
  await assert.rejects(recordSampleReview(prisma, chief, bad, { outcome: "CONFIRMED" }), status("conflict"));
  assert.deepEqual(await listSampleQueue(prisma), []);

  const rows = await prisma.sampleReview.findMany({ orderBy: { reviewedAt: "asc" } });
  assert.deepEqual(
    rows.map((r) => [r.caseId, r.outcome, r.wrongLevels, r.reviewerId, r.note]),
    [
      [good, "CONFIRMED", [], chief.id, null],
      [bad, "ERROR", ["PRIMARY"], chief.id, "candidate 2 is the applicant"],
    ],
  );
  const audits = await prisma.auditEvent.findMany({ where: { action: "quality.sample_review" }, orderBy: { id: "asc" } });
  assert.deepEqual(
    audits.map((e) => [e.targetId, e.actorId, e.details]),
    [
      [good, chief.id, { outcome: "CONFIRMED", wrongLevels: [], reason: "RANDOM", note: false }],
      [bad, chief.id, { outcome: "ERROR", wrongLevels: ["PRIMARY"], reason: "RANDOM", note: true }],
    ],
  );

  const f = await loadQualityFigures(prisma, { days: 1 });
  const by = new Map(f.sampleReview.map((o) => [o.username, o.errorRate]));
  assert.deepEqual([by.get(a.username)!.successes, by.get(a.username)!.n], [0, 2]);
  assert.deepEqual([by.get(b.username)!.successes, by.get(b.username)!.n], [1, 2]);
});
