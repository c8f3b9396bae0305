// Known-answer cases against a real ActiveMQ and real PostgreSQL: synthetic cases built by the simulator's
// generators reach the operators' queues as shares the case view decrypts, pass primary and secondary review (and a
// conflict), and are never answered to MOSIP — the response queue, read with ActiveMQ's Java client, holds only
// the real case's answer. Their results count per operator; training cases give their trainee the truth.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// The case view decrypts with the runtime key ring: here the demo key generated under this data directory.
const dataDir = mkdtempSync(join(tmpdir(), "mas-known-"));
process.env.MAS_DATA_DIR = dataDir;

const { startActiveMq } = await import("../../scripts/lib/activemq.mjs");
const { createTestDatabase } = await import("./helpers/test-database");
const { queueEnv, waitFor } = await import("./helpers/bridge-helpers");
const { createReadyCase, startTestPublisher, withQueues } = await import("./helpers/outbox-helpers");
const { seedUser } = await import("./helpers/seed-cases");
const { receiveJms } = await import("./java/recv-jms");
const { seedRolePermissions } = await import("@/lib/auth/seed-role-permissions");
const { assignReview } = await import("@/lib/cases/assign-review");
const { lockAssignment } = await import("@/lib/cases/operator-pool");
const { recordDecision } = await import("@/lib/cases/record-decision");
const { getCaseView } = await import("@/lib/cases/get-case-view");
const { listCases } = await import("@/lib/cases/list-cases");
const { decisionBody } = await import("@/lib/cases/decision-input");
const { getEnv } = await import("@/lib/env/get-env");
const { createKnownAnswerCase } = await import("@/lib/known-answers/create-known-answer-case");
const { feedKnownAnswers } = await import("@/lib/known-answers/feed-known-answers");
const { assignTrainingCases } = await import("@/lib/known-answers/assign-training-cases");
const { runtimeSynthesis } = await import("@/lib/known-answers/known-answer-synthesis");
const { loadQualityFigures } = await import("@/lib/quality/load-quality-figures");
const { trainingFeedback } = await import("@/lib/quality/training-feedback");
const { updateQualitySettings } = await import("@/lib/settings/quality-settings");

type Broker = Awaited<ReturnType<typeof startActiveMq>>;
type Db = Awaited<ReturnType<typeof createTestDatabase>>;
let broker: Broker;
let t: Db;
let publisher: ReturnType<typeof startTestPublisher>;
const logs: string[] = [];

before(async () => {
  [broker, t] = await Promise.all([startActiveMq(dataDir), createTestDatabase("known")]);
  await seedRolePermissions(t.db.prisma);
  publisher = startTestPublisher(t.db.prisma, queueEnv({ MOSIP_QUEUE_URL: broker.stompUrl }), logs);
  await waitFor("publisher connected", async () => publisher.status().connected);
});

after(async () => {
  await publisher?.stop();
  await broker?.stop();
  await t?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

const known = () => ({ synthesize: runtimeSynthesis(getEnv()), mosip: getEnv().mosip });

async function truthOf(caseId: string) {
  const k = await t.db.prisma.knownAnswer.findUniqueOrThrow({ where: { caseId } });
  const candidates = await t.db.prisma.candidate.findMany({ where: { caseId }, orderBy: { position: "asc" } });
  return candidates.map((c) => ({ referenceId: c.referenceId, duplicate: k.duplicatePositions.includes(c.position) }));
}

async function assignPrimary(caseId: string, userId: string) {
  await t.db.prisma.$transaction(async (tx) => {
    await lockAssignment(tx);
    assert.ok(await assignReview(tx, { caseId, level: "PRIMARY", userId, now: new Date(), actor: null, how: "automatic" }));
  });
}

test("known-answer cases are reviewed like real ones, never reach MOSIP's queue, and count per operator", async () => {
  const prisma = t.db.prisma;
  const mosip = withQueues(getEnv().mosip, "known");
  const [alice, bob] = [await seedUser(prisma, ["OPERATOR"]), await seedUser(prisma, ["OPERATOR"])];
  const chief = await seedUser(prisma, ["SUPERVISOR"]);

  // A real request, received a minute ago with MOSIP's 90-minute TTL: the known-answer cases copy its shape.
  const real = await createReadyCase(prisma, "ADJUDICATION", 2);
  const receivedAt = new Date(Date.now() - 60_000);
  await prisma.case.update({
    where: { id: real.id },
    data: { receivedAt, requestTime: new Date(receivedAt.getTime() - 3_000), expiresAt: new Date(receivedAt.getTime() + 5_400_000) },
  });

  // The feeder, at 20 % of one real case in the last day, owes 0.25 of a case: a draw under it makes one.
  await updateQualitySettings(prisma, chief, { knownAnswerPercent: 20, sampleReviewPercent: 0 });
  assert.equal(await feedKnownAnswers(prisma, { ...known(), draw: () => 0.3 }), null, "a draw above the deficit makes none");
  const first = await feedKnownAnswers(prisma, { ...known(), draw: () => 0.1 });
  assert.ok(first);
  const second = (await createKnownAnswerCase(prisma, known())).caseId;

  const ka = await prisma.case.findUniqueOrThrow({ where: { id: first }, include: { downloads: true } });
  assert.equal(ka.state, "READY");
  assert.equal(ka.candidateCount, 2, "the gallery size of the real request it copies");
  assert.equal(ka.expiresAt!.getTime() - ka.receivedAt.getTime(), 5_400_000, "the real request's TTL");
  assert.equal(ka.requestTime!.getTime() - ka.receivedAt.getTime(), -3_000);
  assert.ok(ka.downloads.every((d) => d.state === "STORED" && d.bodyStorage === "RECEIVED" && d.url === null));
  assert.ok(
    ka.downloads.every((d) => !Buffer.from(d.body!).toString("utf8").includes('"identity"')),
    "stored encrypted",
  );

  // Primary review of the first: the officer's view decrypts it as any downloaded share, and says nothing of its truth.
  await assignPrimary(first, alice.id);
  const view = await getCaseView(prisma, alice, first);
  assert.equal(view.applicant.dataStatus, "AVAILABLE");
  assert.ok(view.applicant.demographics, "the synthetic applicant's identity was decrypted");
  assert.ok(view.candidates.every((c) => c.biometrics));
  // The comparison aid's accuracy figures (the same on every case, measured on synthetic fingers) say "synthetic"
  // of the matcher's test protocol, not of this case: they are left out of the search for a give-away.
  const { accuracy: _sameOnEveryCase, ...comparison } = view.fingerComparison;
  const { accuracy: _sameOnEveryFace, ...faceComparison } = view.faceComparison;
  const shown = JSON.stringify([
    { ...view, fingerComparison: comparison, faceComparison },
    await listCases(prisma, alice, { scope: "mine", limit: 100 }),
  ]);
  assert.doesNotMatch(shown, /known|training|truth|synthetic/i);

  const truth1 = await truthOf(first);
  const right1 = decisionBody.parse({ candidates: truth1 });
  assert.equal(await recordDecision(prisma, alice, first, right1, mosip), "AWAITING_SECONDARY");
  assert.equal((await prisma.case.findUniqueOrThrow({ where: { id: first } })).secondaryAssigneeId, bob.id);
  assert.equal(await recordDecision(prisma, bob, first, right1, mosip), "DECIDED");
  assert.equal(await trainingFeedback(prisma, bob.id, first), null, "no feedback on a live case");

  // The second: bob wrong on the first candidate, alice right; the conflict is resolved with the truth.
  await assignPrimary(second, bob.id);
  const truth2 = await truthOf(second);
  const wrong2 = truth2.map((c, i) => (i === 0 ? { ...c, duplicate: !c.duplicate } : c));
  assert.equal(await recordDecision(prisma, bob, second, decisionBody.parse({ candidates: wrong2 }), mosip), "AWAITING_SECONDARY");
  assert.equal(await recordDecision(prisma, alice, second, decisionBody.parse({ candidates: truth2 }), mosip), "CONFLICT");
  assert.equal(await recordDecision(prisma, chief, second, decisionBody.parse({ candidates: truth2 }), mosip), "DECIDED");

  // The real case, decided the same way, is answered.
  await assignPrimary(real.id, alice.id);
  const realVerdict = decisionBody.parse({ candidates: real.gallery.map((g) => ({ referenceId: g.referenceId, duplicate: false })) });
  await recordDecision(prisma, alice, real.id, realVerdict, mosip);
  await recordDecision(prisma, bob, real.id, realVerdict, mosip);

  publisher.kick();
  await waitFor("real case answered", async () => (await prisma.case.findUniqueOrThrow({ where: { id: real.id } })).state === "ANSWERED");
  const onQueue = await receiveJms({ openwireUrl: broker.openwireUrl, queue: mosip.queues.adjudicationResponse });
  const requestIds = onQueue.map((m) => (JSON.parse(m.body) as { requestId: string }).requestId);
  assert.deepEqual(requestIds, [real.requestId], "only the real case reaches MOSIP");
  for (const id of [first, second]) {
    const c = await prisma.case.findUniqueOrThrow({ where: { id }, include: { outbox: true } });
    assert.equal(c.state, "ANSWERED", "closed as a real case is once answered");
    assert.equal(c.outbox, null);
  }

  // Per operator: alice 2 right of 2, bob 1 of 2 with one false or missed duplicate, the supervisor 1 of 1.
  const f = await loadQualityFigures(prisma, { days: 1 });
  const by = new Map(f.knownAnswers.map((o) => [o.username, o]));
  assert.deepEqual([by.get(alice.username)!.accuracy.successes, by.get(alice.username)!.accuracy.n], [2, 2]);
  const b = by.get(bob.username)!;
  assert.deepEqual([b.accuracy.successes, b.accuracy.n], [1, 2]);
  assert.equal(b.falseDuplicateRate.successes + b.missedDuplicateRate.successes, 1);
  assert.equal(b.falseDuplicateRate.n + b.missedDuplicateRate.n, 4, "two candidates on each of two cases");
  assert.ok(b.accuracy.low! < 0.5 && b.accuracy.high! > 0.5, "a 95% interval around 1 of 2 is wide");
  assert.deepEqual([by.get(chief.username)!.accuracy.successes, by.get(chief.username)!.accuracy.n], [1, 1]);
  const bobAgreement = f.agreement.operators.find((o) => o.username === bob.username)!;
  assert.deepEqual([bobAgreement.overturnedRate.successes, bobAgreement.overturnedRate.n], [1, 1]);
});

test("the database refuses an outbox row for a known-answer case, whoever writes it", async () => {
  const { caseId } = await createKnownAnswerCase(t.db.prisma, known());
  const c = await t.db.prisma.case.findUniqueOrThrow({ where: { id: caseId } });
  await assert.rejects(
    t.db.prisma.outboxMessage.create({
      data: { caseId, requestId: c.requestId, destination: "adjudication-to-mosip", format: "TEXT", body: "{}" },
    }),
    /never answered to MOSIP/,
  );
});

test("training: cases assigned to the trainee, closed by their decision, with the truth as feedback", async () => {
  const prisma = t.db.prisma;
  const mosip = withQueues(getEnv().mosip, "training");
  const trainee = await seedUser(prisma, ["OPERATOR"]);
  const chief = await seedUser(prisma, ["SUPERVISOR"]);
  await assert.rejects(assignTrainingCases(prisma, chief, { userId: chief.id, count: 1 }, known()), /cannot review/);
  const { caseIds } = await assignTrainingCases(prisma, chief, { userId: trainee.id, count: 1 }, known());
  const [id] = caseIds;
  const c = await prisma.case.findUniqueOrThrow({ where: { id } });
  assert.deepEqual([c.state, c.primaryAssigneeId], ["IN_PRIMARY", trainee.id]);

  const truth = await truthOf(id);
  const wrong = truth.map((x, i) => (i === 0 ? { ...x, duplicate: !x.duplicate } : x));
  assert.equal(await trainingFeedback(prisma, trainee.id, id), null, "no truth before the decision");
  assert.equal(await recordDecision(prisma, trainee, id, decisionBody.parse({ candidates: wrong }), mosip), "DECIDED");
  assert.deepEqual(await trainingFeedback(prisma, trainee.id, id), { correct: false, truth });
  assert.equal(await trainingFeedback(prisma, chief.id, id), null, "the truth is the trainee's alone");
  assert.equal(await prisma.outboxMessage.count({ where: { caseId: id } }), 0);

  const f = await loadQualityFigures(prisma, { days: 1 });
  const mine = f.training.find((o) => o.username === trainee.username)!;
  assert.deepEqual([mine.accuracy.successes, mine.accuracy.n], [0, 1]);
  assert.equal(
    f.knownAnswers.find((o) => o.username === trainee.username),
    undefined,
    "training stays out of live figures",
  );
});
