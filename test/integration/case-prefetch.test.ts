// Prefetch on real PostgreSQL with real simulator datashares: an officer's next case is decrypted, parsed and its
// visible thumbnails decoded in the background; opening it then decrypts and decodes nothing (every read is a cache
// hit), while access is still decided and audited at the route; a reassignment, a release and a final decision
// take the case out of memory; a case no longer in review is not prepared; prefetch stops when the cache is half full.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { createTestDatabase } from "./helpers/test-database";
import { intakeOptions } from "./helpers/bridge-helpers";
import { seedReadyCase, seedUser } from "./helpers/seed-cases";
import { seedRolePermissions } from "@/lib/auth/seed-role-permissions";
import { CaseImageCache, getCaseImageCache } from "@/lib/biometrics/case-image-cache";
import { closeDecodePool } from "@/lib/biometrics/image/decode-pool";
import { authorizeCaseRead } from "@/lib/cases/authorize-case-read";
import { claimNextCase } from "@/lib/cases/claim-next-case";
import { decisionBody } from "@/lib/cases/decision-input";
import { getCaseView } from "@/lib/cases/get-case-view";
import { CasePrefetcher, nextCasesFor } from "@/lib/cases/prefetch-cases";
import { reassignCase } from "@/lib/cases/reassign-case";
import { recordDecision } from "@/lib/cases/record-decision";
import { releaseCase } from "@/lib/cases/release-case";
import { closeSubjectOpener } from "@/lib/cases/subject-opener";
import { renderSubjectThumbnails } from "@/lib/cases/subject-thumbnails";
import { recordDownloadResult } from "@/lib/datashare/record-download-result";
import { DomainError } from "@/lib/errors/domain-error";
import { parseEnv } from "@/lib/env/env-schema";
import { receiveRequest } from "@/lib/intake/receive-request";
import { SETTINGS_KEY } from "@/lib/settings/adjudication-settings";
import { createScenario } from "@/lib/simulator/scenario";
import { buildSubjectBody } from "@/lib/simulator/subject-datashare";

const t = await createTestDatabase("prefetch");
const prisma = t.db.prisma;
after(async () => {
  await closeDecodePool();
  await closeSubjectOpener();
  await t.drop();
});
await seedRolePermissions(prisma);
const mosip = parseEnv({}).mosip;
const BASE = "http://datashare.test";
const policy = { retryBaseMs: 10, retryMaxMs: 10, validityMs: 3_600_000 };
const cache = getCaseImageCache();

/**
 * Two READY adjudication cases, most urgent first: one from the simulator with two candidates and every share
 * stored, and one seeded without shares (preparing it finds no data; enough to see what was prepared).
 */
async function readyCases(): Promise<string[]> {
  const scenario = createScenario({ seed: 2311, adjudications: 4, candidates: 2, duplicateRate: 0.5, publicUrl: BASE });
  const req = scenario.requests.find((r) => r.kind === "ADJUDICATION" && !r.supersedes && r.gallery.length === 2)!;
  const received = await receiveRequest(
    prisma,
    { destination: "mosip-to-adjudication", headers: {}, body: new TextEncoder().encode(req.body) },
    intakeOptions([BASE]),
  );
  assert.equal(received.outcome, "created");
  const caseId = (received as { caseId: string }).caseId;
  const kase = await prisma.case.findUniqueOrThrow({ where: { id: caseId }, include: { downloads: true, candidates: true } });
  for (const d of kase.downloads) {
    const rid = d.candidateId === null ? null : kase.candidates.find((c) => c.id === d.candidateId)!.referenceId;
    const subject = rid === null ? req.applicant : req.gallery.find((g) => g.rid === rid)!;
    const body = Buffer.from(await buildSubjectBody(subject, { encryption: "none" }));
    const claimed = { id: d.id, caseId, url: d.url!, attempts: 0, firstSeenAt: d.createdAt };
    assert.equal(await recordDownloadResult(prisma, claimed, { ok: true, body }, policy), "STORED");
  }
  assert.equal((await prisma.case.findUniqueOrThrow({ where: { id: caseId } })).state, "READY");
  // The simulated case is the most urgent: "Next case" hands it out first.
  await prisma.case.update({ where: { id: caseId }, data: { deadlineAt: new Date(Date.now() + 3_600_000) } });
  const other = await seedReadyCase(prisma, { candidates: 1, deadlineAt: new Date(Date.now() + 7_200_000) });
  return [caseId, other.id];
}

const subjectsOf = async (caseId: string) => [
  "applicant",
  ...(await prisma.candidate.findMany({ where: { caseId }, orderBy: { position: "asc" } })).map((c) => c.id),
];
const has = (caseId: string, subject: string, bir: number | string) => cache.has({ caseId, subject, bir });

test("a prefetched case opens from memory, is still authorised at the route, and leaves memory on reassignment, release and decision", async () => {
  const [first, second] = await readyCases();
  const a = await seedUser(prisma, ["OPERATOR"]);
  const b = await seedUser(prisma, ["OPERATOR"]);
  const sup = await seedUser(prisma, ["SUPERVISOR"]);
  const prefetcher = new CasePrefetcher(prisma, cache, { casesPerOfficer: 1 });

  // Nothing held yet: the guess is the case "Next case" would hand out, and only one (casesPerOfficer).
  assert.deepEqual(await nextCasesFor(prisma, a.id, 1), [first]);
  await prefetcher.prefetchFor(a.id);
  await prefetcher.idle();
  const [applicant, firstCandidate, secondCandidate] = await subjectsOf(first);
  for (const s of [applicant, firstCandidate, secondCandidate]) assert.ok(has(first, s, "payload"), `${s} decrypted and parsed`);
  const thumbs = (await renderSubjectThumbnails(prisma, first, applicant))!.map((x) => x.birIndex);
  assert.ok(thumbs.length >= 10, "face, fingers and irises");
  for (const i of thumbs) assert.ok(has(first, applicant, `${i}:thumb`) && has(first, firstCandidate, `${i}:thumb`));
  assert.ok(!has(first, secondCandidate, `${thumbs[0]}:thumb`), "only the candidate on screen gets thumbnails ahead");
  assert.ok(!has(second, "applicant", "payload"), "one case per officer");

  // Opening it: the case view and both thumbnail batches are served from memory, nothing is decrypted or decoded.
  assert.deepEqual(await claimNextCase(prisma, a), { caseId: first, level: "PRIMARY" });
  const misses = cache.stats().misses;
  const view = await getCaseView(prisma, a, first);
  assert.equal(view.candidates.length, 2);
  for (const s of [applicant, firstCandidate]) {
    await authorizeCaseRead(prisma, a, first, s, "images");
    const batch = (await renderSubjectThumbnails(prisma, first, s))!;
    assert.ok(batch.every((x) => x.image && x.image.data.byteLength > 0));
  }
  assert.equal(cache.stats().misses, misses, "no cache miss: nothing was decrypted or decoded on opening");
  assert.equal(await prisma.auditEvent.count({ where: { action: "case.view", targetId: first, actorId: a.id } }), 1);

  // Memory is not access: b holds nothing of this case and is refused (and audited) although its data is warm.
  await assert.rejects(authorizeCaseRead(prisma, b, first, applicant, "images"), (e) => e instanceof DomainError && e.code === "forbidden");
  await assert.rejects(getCaseView(prisma, b, first), (e) => e instanceof DomainError && e.code === "forbidden");

  // Reassignment drops it; the new reviewer's prefetch prepares it again (it is now theirs to open next).
  await reassignCase(prisma, sup, first, { level: "PRIMARY", userId: b.id, reason: "a is on leave" });
  assert.ok(!has(first, applicant, "payload") && !has(first, applicant, `${thumbs[0]}:thumb`), "reassignment dropped the case");
  assert.deepEqual(await nextCasesFor(prisma, b.id, 1), [first]);
  await prefetcher.prefetchFor(b.id);
  await prefetcher.idle();
  assert.ok(has(first, applicant, "payload"));

  // A release drops it too.
  await releaseCase(prisma, sup, first, { reason: "back to the pool" });
  assert.ok(!has(first, applicant, "payload"), "release dropped the case");

  // The final decision drops it, and a decided case is never prepared again.
  await prisma.setting.upsert({
    where: { key: SETTINGS_KEY },
    create: { key: SETTINGS_KEY, value: { secondaryReview: "DUPLICATES_ONLY" } },
    update: { value: { secondaryReview: "DUPLICATES_ONLY" } },
  });
  assert.deepEqual(await claimNextCase(prisma, a), { caseId: first, level: "PRIMARY" });
  prefetcher.enqueue([first]);
  await prefetcher.idle();
  assert.ok(has(first, applicant, "payload"));
  const candidates = await prisma.candidate.findMany({ where: { caseId: first } });
  const verdict = decisionBody.parse({ candidates: candidates.map((c) => ({ referenceId: c.referenceId, duplicate: false })) });
  assert.equal(await recordDecision(prisma, a, first, verdict, mosip), "DECIDED");
  assert.ok(!has(first, applicant, "payload"), "the decision dropped the case");
  prefetcher.enqueue([first]);
  await prefetcher.idle();
  assert.ok(!has(first, applicant, "payload"), "a decided case is not prepared");

  // Half a cache full: prefetch prepares nothing more.
  const small = new CaseImageCache({ maxBytes: 1000 });
  small.set({ caseId: "other", subject: "applicant", bir: "payload" }, {}, 600);
  const full = new CasePrefetcher(prisma, small, { casesPerOfficer: 1 });
  cache.dropCase(second);
  await full.prefetchFor(b.id);
  await full.idle();
  assert.ok(!has(second, "applicant", "payload"), "nothing prepared past half the cache");
  await prefetcher.close();
});
