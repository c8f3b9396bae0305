// The anonymous profile sweep end to end on real PostgreSQL: a decided case whose applicant datashare is
// stored as MOSIP's "none" policy serves it (plain JSON), the sweep reads it in memory and records one
// profile with no personal data; a case whose data never arrived gets a profile with nulls.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase } from "./helpers/test-database";
import { seedReadyCase, seedUser } from "./helpers/seed-cases";
import { seedRolePermissions } from "@/lib/auth/seed-role-permissions";
import { buildDatasharePayload, encodeDatashareBody } from "@/lib/simulator/build-datashare";
import { flattenIdentity } from "@/lib/simulator/synthetic-identity";
import { recordProfiles } from "@/lib/analytics/record-profiles";
import { exportProfiles } from "@/lib/analytics/export-profiles";

// loadSubject asks for the runtime key ring even for plain bodies; keep its demo key out of the repository.
process.env.MAS_DATA_DIR ??= mkdtempSync(join(tmpdir(), "mas-profile-"));

const t = await createTestDatabase("profile");
const prisma = t.db.prisma;
after(() => t.drop());
await seedRolePermissions(prisma);

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "mosip");
const idJson = JSON.parse(readFileSync(join(FIXTURES, "identity", "ID.json"), "utf8")).identity as Record<string, unknown>;
// MOSIP's sample repeats addressLine3 as the region; a real hierarchy does not, and the check below needs them apart.
idJson.region = [
  { language: "eng", value: "Tamil Nadu Region" },
  { language: "arb", value: "منطقة" },
];
const cbeffXml = readFileSync(join(FIXTURES, "cbeff", "cbeff-sample-1.2-packet.xml"), "utf8");

async function decidedCase(opts: { withData: boolean }) {
  const a = await seedUser(prisma, ["OPERATOR"]);
  const b = await seedUser(prisma, ["OPERATOR"]);
  const c = await seedReadyCase(prisma, { candidates: 2 });
  const receivedAt = new Date("2026-04-02T10:00:00Z");
  const decidedAt = new Date("2026-04-02T10:20:00Z");
  const verdicts = { candidates: c.candidates.map((x, i) => ({ referenceId: x.referenceId, duplicate: i === 0 })) };
  await prisma.decision.createMany({
    data: [
      { caseId: c.id, level: "PRIMARY", userId: a.id, body: verdicts, comment: `duplicate of ${c.candidates[0].referenceId}` },
      { caseId: c.id, level: "SECONDARY", userId: b.id, body: verdicts, comment: "agree" },
    ],
  });
  await prisma.case.update({
    where: { id: c.id },
    data: { state: "ANSWERED", receivedAt, decidedAt, answeredAt: decidedAt, applicantDataStatus: opts.withData ? "AVAILABLE" : "FAILED" },
  });
  if (opts.withData) {
    const payload = buildDatasharePayload({ rid: c.referenceId, cbeffXml, identity: flattenIdentity(idJson), createdAt: receivedAt });
    const body = Buffer.from(encodeDatashareBody(payload, { encryption: "none" }), "utf8");
    await prisma.datashareDownload.create({
      data: {
        caseId: c.id,
        sourceIndex: 0,
        url: "http://datashare.test/applicant",
        state: "STORED",
        body,
        bodySize: body.length,
        bodySha256: createHash("sha256").update(body).digest("hex"),
        storedAt: receivedAt,
      },
    });
  }
  return c;
}

function personalStrings(rid: string): string[] {
  const out: string[] = [rid, "2016/01/01"];
  const walk = (v: unknown) => {
    if (typeof v === "string" || typeof v === "number") out.push(String(v));
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
  };
  for (const f of [
    "fullName",
    "addressLine1",
    "addressLine2",
    "addressLine3",
    "phone",
    "email",
    "postalCode",
    "introducerName",
    "localAdministrativeAuthority",
  ])
    walk(idJson[f]);
  return out.filter((s) => s.trim().length > 2);
}

test("a decided case with a stored plain-JSON datashare gets one anonymous profile, and profiledAt is set with it", async () => {
  const withData = await decidedCase({ withData: true });
  const withoutData = await decidedCase({ withData: false });
  const undecided = await seedReadyCase(prisma);

  const started = Date.now();
  const r = await recordProfiles(prisma);
  assert.deepEqual(r, { profiled: 2, withoutData: 1 });
  assert.ok(Date.now() - started < 10_000);

  for (const c of [withData, withoutData])
    assert.ok((await prisma.case.findUniqueOrThrow({ where: { id: c.id } })).profiledAt, "profiledAt set");
  assert.equal((await prisma.case.findUniqueOrThrow({ where: { id: undecided.id } })).profiledAt, null);

  const profiles = await prisma.adjudicationProfile.findMany({ orderBy: { yearOfBirth: { sort: "asc", nulls: "last" } } });
  assert.equal(profiles.length, 2);
  const [full, empty] = profiles;
  assert.equal(full.process, "ADJUDICATION");
  assert.equal(full.decidedOn.toISOString().slice(0, 10), "2026-04-02");
  assert.equal(full.yearOfBirth, 2016);
  assert.equal(full.gender, "MALE");
  assert.deepEqual(full.location, ["Tamil Nadu Region", "Tamilnadu", "Chennai"]);
  assert.equal((full.biometrics as unknown[]).length, 13);
  assert.equal(full.decision, "DUPLICATE");
  assert.equal(full.secondsToDecide, 1200);
  assert.equal(full.candidateCount, 2);
  assert.equal(full.reviewersAgreed, true);
  assert.deepEqual(
    { ...empty, id: undefined, createdAt: undefined, decidedOn: undefined },
    {
      id: undefined,
      createdAt: undefined,
      decidedOn: undefined,
      process: "ADJUDICATION",
      yearOfBirth: null,
      gender: null,
      location: null,
      biometrics: [],
      decision: "DUPLICATE",
      secondsToDecide: 1200,
      candidateCount: 2,
      reviewersAgreed: true,
      // Seeded without the comparison aid's scores: no band to carry (finger-scores.test.ts checks one that has).
      topScores: null,
    },
  );

  // No personal data, neither in the table nor in the export; and no link back to the case.
  // k = 1 here: the two profiles differ in day/year/gender/location, so any larger k suppresses both (below).
  const exported = await new Response(exportProfiles(prisma, { format: "bulk", index: "mas-test" }, 1)).text();
  const lines = exported.trim().split("\n");
  assert.equal(lines.length, 4, "an action line and a document per profile");
  assert.deepEqual(JSON.parse(lines[0]).index._index, "mas-test");
  const stored = JSON.stringify(profiles);
  for (const s of [
    ...personalStrings(withData.referenceId),
    withData.id,
    withData.requestId,
    ...withData.candidates.map((x) => x.referenceId),
  ]) {
    assert.ok(!stored.includes(s), `stored profile holds ${JSON.stringify(s)}`);
    assert.ok(!exported.includes(s), `export holds ${JSON.stringify(s)}`);
  }

  // A second sweep finds nothing; the export filter by day works.
  assert.deepEqual(await recordProfiles(prisma), { profiled: 0, withoutData: 0 });
  assert.equal(await new Response(exportProfiles(prisma, { format: "documents", index: "x", from: "2026-04-03" }, 1)).text(), "");
  assert.equal(
    await new Response(exportProfiles(prisma, { format: "documents", index: "x" }, 2)).text(),
    "",
    "groups smaller than k are suppressed",
  );
  const docs = (
    await new Response(exportProfiles(prisma, { format: "documents", index: "x", from: "2026-04-02", to: "2026-04-02" }, 1, 1)).text()
  )
    .trim()
    .split("\n");
  assert.equal(docs.length, 2, "paged export yields every profile once");
  const fullDoc = docs.map((l) => JSON.parse(l)).find((d) => d.biometrics.length > 0);
  assert.equal(fullDoc.timeToDecide, "15m-1h", "the duration leaves as a band");
  for (const b of fullDoc.biometrics) {
    if (b.exception) assert.deepEqual(Object.keys(b).sort(), ["exception", "modality"], "no exception position");
    else assert.ok(b.quality === null || /^\d+-\d+$/.test(b.quality), `quality ${b.quality} is a band`);
  }
  assert.deepEqual(Object.keys(JSON.parse(docs[0])).sort(), [
    "biometrics",
    "candidateCount",
    "decidedOn",
    "decision",
    "gender",
    "location",
    "process",
    "profileId",
    "reviewersAgreed",
    "timeToDecide",
    "topScores",
    "yearOfBirth",
  ]);
});
