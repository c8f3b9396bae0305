// The fingerprint comparison aid on real PostgreSQL: a simulator request with one true duplicate is taken in,
// its shares are stored (one after an administrator's retry, so the data becomes READY a second time), the
// scoring task scores it on worker threads (fingers and faces), the true duplicate ranks first and its face is
// the same person's, no template or face descriptor reaches the database, the overlay's detail of a finger pair
// is recomputed in memory for its assignee only, a verdict that rejects the true duplicate is flagged for sample
// review in its transaction, and the anonymous profile carries the best score as a band.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { createTestDatabase } from "./helpers/test-database";
import { intakeOptions } from "./helpers/bridge-helpers";
import { seedUser } from "./helpers/seed-cases";
import { seedRolePermissions } from "@/lib/auth/seed-role-permissions";
import { assignWaitingCases } from "@/lib/cases/assign-cases";
import { authorizeCaseRead } from "@/lib/cases/authorize-case-read";
import { compareFingerPair } from "@/lib/cases/compare-finger-pair";
import { fingerBirs } from "@/lib/cases/finger-birs";
import { loadSubject } from "@/lib/cases/load-subject";
import { renderSubjectImage } from "@/lib/cases/render-subject-image";
import { recordProfiles } from "@/lib/analytics/record-profiles";
import { scoreBand } from "@/lib/analytics/profile-bands";
import { DomainError } from "@/lib/errors/domain-error";
import sharp from "sharp";
import { decisionBody } from "@/lib/cases/decision-input";
import { fingerComparisonView } from "@/lib/cases/finger-comparison-view";
import { getFingerWorkPool, closeFingerWorkPool } from "@/lib/cases/finger-work-pool";
import { closeFaceWorkPool, getFaceWorkPool } from "@/lib/cases/face-work-pool";
import { faceComparisonView } from "@/lib/cases/face-comparison-view";
import { buildWorkerBundle, WORKER_BUNDLES } from "@/lib/process/build-worker-bundles.mjs";
import { recordDecision } from "@/lib/cases/record-decision";
import { retryCaseDownloads } from "@/lib/cases/retry-case-downloads";
import { scoreWaitingCases } from "@/lib/cases/run-finger-scoring";
import { getCaseImageCache } from "@/lib/biometrics/case-image-cache";
import { recordDownloadResult } from "@/lib/datashare/record-download-result";
import { parseEnv } from "@/lib/env/env-schema";
import { receiveRequest } from "@/lib/intake/receive-request";
import { SETTINGS_KEY } from "@/lib/settings/adjudication-settings";
import { createScenario } from "@/lib/simulator/scenario";
import { buildSubjectBody } from "@/lib/simulator/subject-datashare";

const t = await createTestDatabase("fingers");
const prisma = t.db.prisma;
after(async () => {
  await closeFingerWorkPool();
  await closeFaceWorkPool();
  await t.drop();
});
await seedRolePermissions(prisma);
await buildWorkerBundle(WORKER_BUNDLES.find((b) => b.bundle.includes("face-worker"))!);
const mosip = parseEnv({}).mosip;
const BASE = "http://datashare.test";
const policy = { retryBaseMs: 10, retryMaxMs: 10, validityMs: 3_600_000 };

test("a true duplicate gets scores after READY, ranks first, its face matches, no template or descriptor is stored, and rejecting it is flagged", async () => {
  const scenario = createScenario({ seed: 1307, adjudications: 6, candidates: 3, duplicateRate: 1, publicUrl: BASE });
  const req = scenario.requests.find((r) => {
    const truth = scenario.truth.get(r.requestId)!;
    return r.kind === "ADJUDICATION" && truth.duplicates.length === 1 && truth.unavailable.length === 0 && !r.supersedes;
  });
  assert.ok(req, "the scenario has a request with exactly one true duplicate");
  const duplicateRid = scenario.truth.get(req.requestId)!.duplicates[0];
  const received = await receiveRequest(
    prisma,
    { destination: "mosip-to-adjudication", headers: {}, body: new TextEncoder().encode(req.body) },
    intakeOptions([BASE]),
  );
  assert.equal(received.outcome, "created");
  const caseId = (received as { caseId: string }).caseId;
  const kase = await prisma.case.findUniqueOrThrow({ where: { id: caseId }, include: { downloads: true, candidates: true } });
  const subjectOf = (candidateId: string | null) =>
    candidateId === null
      ? req.applicant
      : req.gallery.find((g) => g.rid === kase.candidates.find((c) => c.id === candidateId)!.referenceId)!;

  // Every share stored but the last candidate's, which fails: the case is DATA_UNAVAILABLE.
  const [failing, ...rest] = [...kase.downloads].sort((a, b) => Number(b.candidateId !== null) - Number(a.candidateId !== null));
  for (const d of rest) {
    const body = Buffer.from(await buildSubjectBody(subjectOf(d.candidateId), { encryption: "none" }));
    const claimed = { id: d.id, caseId, url: d.url!, attempts: 0, firstSeenAt: d.createdAt };
    assert.equal(await recordDownloadResult(prisma, claimed, { ok: true, body }, policy), "STORED");
  }
  await prisma.datashareDownload.update({ where: { id: failing.id }, data: { state: "DOWNLOADING", attempts: 1 } });
  const claimedFailing = { id: failing.id, caseId, url: failing.url!, attempts: 1, firstSeenAt: failing.createdAt };
  await recordDownloadResult(prisma, claimedFailing, { ok: false, permanent: true, code: "HTTP_404", message: "gone" }, policy);
  assert.equal((await prisma.case.findUniqueOrThrow({ where: { id: caseId } })).state, "DATA_UNAVAILABLE");
  assert.deepEqual(await scoreWaitingCases(prisma, getFingerWorkPool()), [], "nothing is scored before the data is READY");

  // Scores left from earlier data (as if the case had been READY before) must not survive a new READY.
  await prisma.fingerScoring.create({ data: { caseId, state: "DONE", claim: crypto.randomUUID() } });
  await prisma.fingerScore.create({
    data: {
      caseId,
      candidateId: kase.candidates[0].id,
      position: "RIGHT_THUMB",
      score: 99,
      pairedMinutiae: 1,
      applicantMinutiae: 1,
      candidateMinutiae: 1,
    },
  });
  const admin = await seedUser(prisma, ["ADMIN"]);
  assert.equal(await retryCaseDownloads(prisma, caseId, admin), 1);
  const again = await prisma.datashareDownload.findUniqueOrThrow({ where: { id: failing.id } });
  const body = Buffer.from(await buildSubjectBody(subjectOf(failing.candidateId), { encryption: "none" }));
  const claimedAgain = { id: failing.id, caseId, url: again.url!, attempts: again.attempts, firstSeenAt: again.createdAt };
  assert.equal(await recordDownloadResult(prisma, claimedAgain, { ok: true, body }, policy), "STORED");
  assert.equal((await prisma.case.findUniqueOrThrow({ where: { id: caseId } })).state, "READY");
  assert.equal(await prisma.fingerScore.count({ where: { caseId } }), 0, "the re-download voided the earlier scores");
  assert.equal((await fingerComparisonView(prisma, { id: caseId, state: "READY", candidates: kase.candidates })).status, "PENDING");

  // The background round: the whole case (40 extractions, 30 comparisons) on the worker threads.
  getCaseImageCache().dropCase(caseId);
  const started = performance.now();
  const [scored] = await scoreWaitingCases(prisma, getFingerWorkPool(), { faceWork: getFaceWorkPool() });
  const ms = performance.now() - started;
  console.log(`  whole 3-candidate case scored in ${(ms / 1000).toFixed(2)} s (${scored.comparisons} comparisons, ${scored.faces} faces)`);
  assert.equal(scored.outcome, "DONE");
  // The case waits for a reviewer, held by nobody: nothing of it stays decrypted in memory (it would crowd out
  // what prefetch prepares for the cases officers open next).
  assert.equal(getCaseImageCache().dropCase(caseId), 0, "a scored case nobody holds keeps no memory");
  assert.equal(scored.comparisons, 30, "ten fingers against each of three candidates");
  assert.equal(scored.faces, 3, "the applicant's face against each of three candidates'");

  const candidates = await prisma.candidate.findMany({ where: { caseId }, orderBy: { position: "asc" } });
  const view = await fingerComparisonView(prisma, { id: caseId, state: "READY", candidates });
  assert.equal(view.status, "DONE");
  const first = view.candidates[0];
  const duplicate = candidates.find((c) => c.referenceId === duplicateRid)!;
  assert.equal(
    first.candidateId,
    duplicate.id,
    `the true duplicate ranks first (${view.candidates.map((c) => c.explanation).join(" | ")})`,
  );
  assert.ok(first.fingersAbove >= 8, `true duplicate: ${first.explanation}`);
  for (const other of view.candidates.slice(1)) assert.equal(other.fingersAbove, 0, `different person: ${other.explanation}`);
  assert.match(first.explanation, /^\d+ fingers at or above 25 of 10 compared, best \d/);

  // The face: the true duplicate's photo is the same person's, and closer than any other candidate's.
  const faces = await faceComparisonView(prisma, { id: caseId, candidates }, "DONE");
  const duplicateFace = faces.candidates.find((f) => f.candidateId === duplicate.id)!;
  assert.equal(duplicateFace.verdict, "SAME", JSON.stringify(faces.candidates));
  for (const f of faces.candidates.filter((x) => x.candidateId !== duplicate.id)) {
    assert.ok(f.distance! > duplicateFace.distance!, `another person's face is farther: ${JSON.stringify(faces.candidates)}`);
  }
  assert.match(first.explanation, /; face similarity 0\.\d+ \(likely the same person\)$/);

  // Templates and face descriptors are memory-only: no table holds them, in any form, after scoring.
  await assertNoTemplateStored();
  await assertNoDescriptorStored();

  // Rejecting the true duplicate (several strong fingers) is answered as decided and flagged for review.
  await prisma.setting.upsert({
    where: { key: SETTINGS_KEY },
    create: { key: SETTINGS_KEY, value: { secondaryReview: "DUPLICATES_ONLY" } },
    update: { value: { secondaryReview: "DUPLICATES_ONLY" } },
  });
  const operator = await seedUser(prisma, ["OPERATOR"]);
  assert.equal(await assignWaitingCases(prisma), 1);

  // The overlay's detail of one finger pair, for its assignee only (audited), recomputed from the templates in
  // memory: the same numbers as stored, pairs that agree with the alignment, in the shown image's pixels.
  const outsider = await seedUser(prisma, ["OPERATOR"]);
  const auditSince = (await prisma.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } }))?.id ?? 0n;
  await assert.rejects(
    authorizeCaseRead(prisma, outsider, caseId, duplicate.id, "fingerComparison"),
    (e) => e instanceof DomainError && e.code === "forbidden",
  );
  assert.equal(await authorizeCaseRead(prisma, operator, caseId, duplicate.id, "fingerComparison"), "PRIMARY");
  const audit = await prisma.auditEvent.findMany({ where: { id: { gt: auditSince } }, orderBy: { id: "asc" } });
  assert.deepEqual(
    audit.map((r) => [r.action, r.actorId, r.details]),
    [
      ["case.accessRefused", outsider.id, { what: "fingerComparison", subject: duplicate.id }],
      ["case.viewFingerComparison", operator.id, { role: "PRIMARY", subject: duplicate.id }],
    ],
  );
  const stored = await prisma.fingerScore.findFirstOrThrow({ where: { caseId, candidateId: duplicate.id, position: "RIGHT_INDEX" } });
  const pair = await compareFingerPair(prisma, caseId, duplicate.id, "RIGHT_INDEX", getFingerWorkPool);
  assert.equal(pair.score, stored.score, "the overlay's score is the stored one");
  assert.equal(pair.pairs.length, stored.pairedMinutiae);
  assert.equal(pair.applicant.minutiae.length, stored.applicantMinutiae);
  assert.equal(pair.candidate.minutiae.length, stored.candidateMinutiae);
  assert.ok(pair.pairs.length >= 8, `a true duplicate pairs many minutiae (${pair.pairs.length})`);
  const { rotation, dx, dy } = pair.alignment;
  for (const [i, j] of pair.pairs) {
    const a = pair.applicant.minutiae[i];
    const b = pair.candidate.minutiae[j];
    const x = Math.cos(rotation) * a.x - Math.sin(rotation) * a.y + dx;
    const y = Math.sin(rotation) * a.x + Math.cos(rotation) * a.y + dy;
    assert.ok(Math.hypot(x - b.x, y - b.y) < 20, `pair ${i}-${j} lies together under the alignment`);
  }
  const applicantBirs = await loadSubject(prisma, caseId, "applicant");
  assert.ok(applicantBirs.ok);
  const shown = await renderSubjectImage(prisma, caseId, "applicant", fingerBirs(applicantBirs.data.birs).get("RIGHT_INDEX")!, "full");
  const size = await sharp(shown!.data).metadata();
  assert.deepEqual([size.width, size.height], [pair.applicant.width, pair.applicant.height], "minutiae are in the shown image's pixels");
  getCaseImageCache().dropCase(caseId);
  assert.deepEqual(
    await compareFingerPair(prisma, caseId, duplicate.id, "RIGHT_INDEX", getFingerWorkPool),
    pair,
    "with the memory dropped, the templates are extracted again: the same answer",
  );
  const other = view.candidates[1].candidateId;
  assert.ok((await compareFingerPair(prisma, caseId, other, "RIGHT_INDEX", getFingerWorkPool)).score < 25, "a different person");

  const verdict = decisionBody.parse({ candidates: candidates.map((c) => ({ referenceId: c.referenceId, duplicate: false })) });
  assert.equal(await recordDecision(prisma, operator, caseId, verdict, mosip), "DECIDED");
  const decision = await prisma.decision.findFirstOrThrow({ where: { caseId } });
  const flag = await prisma.qualityFlag.findFirstOrThrow({ where: { caseId } });
  assert.equal(flag.kind, "AID_DISAGREEMENT");
  assert.equal(flag.decisionId, decision.id);
  assert.match(flag.detail, /^candidate \d rejected with \d+ fingers at or above 40 \(best \d/);
  const answer = JSON.parse((await prisma.outboxMessage.findUniqueOrThrow({ where: { caseId } })).body!);
  assert.equal(answer.candidateList.count, 0, "MOSIP gets the officer's decision, not the scores'");

  // The anonymous profile carries the best finger score as a band beside the decision, nothing finer.
  assert.equal((await recordProfiles(prisma)).profiled, 1);
  const profile = await prisma.adjudicationProfile.findFirstOrThrow();
  const best = await prisma.fingerScore.aggregate({ where: { caseId }, _max: { score: true } });
  assert.equal(profile.decision, "NOT_DUPLICATE");
  assert.deepEqual(profile.topScores, { Finger: scoreBand(best._max.score) });
  await assertNoTemplateStored();
});

/** Every text, JSON and binary value in every table: none may carry a minutiae list or an ISO 19794-2 record. */
async function assertNoTemplateStored() {
  const columns = await prisma.$queryRaw<{ table_name: string; column_name: string; data_type: string }[]>`
    SELECT table_name, column_name, data_type FROM information_schema.columns
    WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'jsonb', 'json', 'bytea')`;
  let scanned = 0;
  for (const c of columns) {
    const col = `"${c.column_name}"`;
    // A minutiae list as JSON or text, or an ISO/IEC 19794-2 record ("FMR\0") in binary.
    const where =
      c.data_type === "bytea"
        ? `position(convert_to('minutiae', 'UTF8') in ${col}) > 0 OR position('\\x464d5200'::bytea in ${col}) > 0`
        : `position('minutiae' in lower(${col}::text)) > 0`;
    const hits = await prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${c.table_name}" WHERE ${where}`);
    scanned++;
    assert.equal(Number(hits[0].n), 0, `${c.table_name}.${c.column_name} holds a template`);
  }
  assert.ok(scanned > 20, `${scanned} columns scanned`);
  const scoreColumns = await prisma.$queryRaw<{ column_name: string }[]>`
    SELECT column_name FROM information_schema.columns WHERE table_name = 'FingerScore' ORDER BY column_name`;
  assert.deepEqual(
    scoreColumns.map((c) => c.column_name).sort(),
    [
      "applicantMinutiae",
      "applicantQuality",
      "candidateId",
      "candidateMinutiae",
      "candidateQuality",
      "caseId",
      "computedAt",
      "pairedMinutiae",
      "position",
      "score",
    ],
    "FingerScore holds numbers, not templates",
  );
}

/** No column can hold a face descriptor (no array of decimals), none holds a list of numbers as text, FaceScore holds four numbers. */
async function assertNoDescriptorStored() {
  const arrays = await prisma.$queryRaw<{ table_name: string; column_name: string }[]>`
    SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND data_type = 'ARRAY' AND udt_name IN ('_float4', '_float8', '_numeric')`;
  assert.deepEqual(arrays, [], "no array of decimal numbers");
  const columns = await prisma.$queryRaw<{ table_name: string; column_name: string }[]>`
    SELECT table_name, column_name FROM information_schema.columns
    WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'jsonb', 'json')`;
  for (const c of columns) {
    // 16 decimal numbers in a row, comma-separated: a piece of a 128-number descriptor, as JSON or text.
    const hits = await prisma.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM "${c.table_name}" WHERE "${c.column_name}"::text ~ '(-?[0-9]*\\.[0-9]+\\s*,\\s*){16}'`,
    );
    assert.equal(Number(hits[0].n), 0, `${c.table_name}.${c.column_name} holds a list of numbers`);
  }
  const faceColumns = await prisma.$queryRaw<{ column_name: string }[]>`
    SELECT column_name FROM information_schema.columns WHERE table_name = 'FaceScore' ORDER BY column_name`;
  assert.deepEqual(
    faceColumns.map((c) => c.column_name).sort(),
    ["applicantDetection", "candidateDetection", "candidateId", "caseId", "computedAt", "distance"],
    "FaceScore holds numbers, not descriptors",
  );
}
