import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseCbeff } from "@/lib/biometrics/cbeff/parse-cbeff";
import { CBEFF_SAMPLES, FIXTURE_DIR, readFixture } from "@/lib/biometrics/testing/fixtures";
import { normaliseIdentity } from "@/lib/mosip/identity";
import { decisionBody } from "@/lib/cases/decision-input";
import { exportedTopScores, profileDocument } from "./export-profiles";
import {
  buildAdjudicationProfile,
  finalDecision,
  profileLocation,
  yearOfBirth,
  type ProfileDecisionRow,
} from "./build-adjudication-profile";

const ID_JSON = JSON.parse(readFileSync(join(FIXTURE_DIR, "identity", "ID.json"), "utf8")) as { identity: Record<string, unknown> };
const RID = "10001100010002520210101120000";

/**
 * ID.json as the datashare would carry it, with one change: MOSIP's sample puts the same word ("Taramani")
 * in addressLine3 and region, which would make "no address line in the profile" impossible to check for a
 * profile that must keep the region. A real hierarchy's region is never an address line.
 */
function sampleIdentity() {
  const raw = structuredClone(ID_JSON.identity);
  raw.region = [
    { language: "eng", value: "Tamil Nadu Region" },
    { language: "arb", value: "منطقة" },
  ];
  raw.zone = [{ language: "eng", value: "Velachery Zone" }];
  const packet = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]));
  return normaliseIdentity(packet)!;
}

const PERSONAL_FIELDS = [
  "fullName",
  "dateOfBirth",
  "addressLine1",
  "addressLine2",
  "addressLine3",
  "phone",
  "email",
  "introducerName",
  "postalCode",
  "zone",
  "UIN",
  "CNIENumber",
  "introducerOrUIN",
];

/** Every string an identity holds for the given fields, in every language. */
function valuesOf(identity: Record<string, unknown>, fields: string[]): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === "string" || typeof v === "number") {
      const s = String(v).trim();
      if (s) out.push(s);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
  };
  for (const f of fields) walk(identity[f]);
  return out;
}

const facts = {
  kind: "ADJUDICATION" as const,
  receivedAt: new Date("2026-03-01T08:00:00Z"),
  decidedAt: new Date("2026-03-01T09:30:15.400Z"),
  candidateCount: 2,
};
const verdicts = (dup: boolean, comment = "") =>
  decisionBody.parse({
    candidates: [
      { referenceId: "R1", duplicate: dup, modalities: dup ? { face: true } : undefined },
      { referenceId: "R2", duplicate: false },
    ],
    ...(comment ? { comment } : {}),
  });

describe("buildAdjudicationProfile on ID.json and MOSIP's CBEFF sample", () => {
  const identity = sampleIdentity();
  const birs = parseCbeff(readFixture(CBEFF_SAMPLES.packet12)).birs;
  const decisions: ProfileDecisionRow[] = [
    { level: "PRIMARY", body: verdicts(true, `Same person as ${RID}, Taleev Aalam`) },
    { level: "SECONDARY", body: verdicts(true, "agree") },
  ];
  const profile = buildAdjudicationProfile(facts, decisions, identity, birs);
  const text = JSON.stringify(profile);

  it("keeps the derived, non-identifying facts", () => {
    assert.equal(profile.process, "ADJUDICATION");
    assert.equal(profile.decidedOn, "2026-03-01");
    assert.equal(profile.yearOfBirth, 2016);
    assert.equal(profile.gender, "MALE");
    assert.equal(profile.decision, "DUPLICATE");
    assert.equal(profile.secondsToDecide, 5415);
    assert.equal(profile.candidateCount, 2);
    assert.equal(profile.reviewersAgreed, true);
  });

  it("lists every biometric with its modality, position and quality, and no image data", () => {
    assert.equal(profile.biometrics.length, 13);
    assert.deepEqual(
      profile.biometrics
        .filter((b) => b.modality === "Iris")
        .map((b) => ("position" in b ? b.position : null))
        .sort(),
      ["LEFT", "RIGHT"],
    );
    for (const b of profile.biometrics)
      assert.deepEqual(Object.keys(b).sort(), "exception" in b ? ["exception", "modality"] : ["modality", "position", "quality"]);
    assert.ok(profile.biometrics.some((b) => "quality" in b && typeof b.quality === "string" && /^\d+-\d+$/.test(b.quality)));
    assert.ok(!profile.biometrics.some((b) => "quality" in b && typeof b.quality === "number"), "no exact quality score");
    assert.ok(text.length < 3000, "no BDB bytes leaked into the profile");
  });

  it("keeps the location hierarchy without its last two levels (zone and postal code)", () => {
    assert.deepEqual(profile.location, ["Tamil Nadu Region", "Tamilnadu", "Chennai"]);
  });

  it("contains no name, RID, address line, phone, email, postal code or exact date of birth", () => {
    const forbidden = [...valuesOf(ID_JSON.identity, PERSONAL_FIELDS), "Velachery Zone", RID, "2016/01/01", "2016-01-01"];
    assert.ok(forbidden.length > 20);
    for (const s of forbidden) assert.ok(!text.includes(s), `profile must not contain ${JSON.stringify(s)}`);
    // Comments are free text that may name people: never copied.
    assert.ok(!text.includes("Same person"));
  });

  it("without applicant data (unavailable or purged) the personal facts are null but the case facts stay", () => {
    const p = buildAdjudicationProfile(
      { ...facts, kind: "VERIFICATION", candidateCount: 0 },
      [{ level: "PRIMARY", body: decisionBody.parse({ approve: false }) }],
      null,
      null,
    );
    assert.deepEqual(p, {
      process: "VERIFICATION",
      decidedOn: "2026-03-01",
      yearOfBirth: null,
      gender: null,
      location: null,
      biometrics: [],
      decision: "REJECT",
      secondsToDecide: 5415,
      candidateCount: 0,
      reviewersAgreed: null,
      topScores: null,
    });
  });
});

describe("profile parts", () => {
  it("reads only the year of a date of birth, in MOSIP's and other common layouts", () => {
    const t = (value: string) => yearOfBirth({ kind: "text", value }, 2026);
    assert.equal(t("1990/05/17"), 1990);
    assert.equal(t("1990-05-17"), 1990);
    assert.equal(t("17/05/1990"), 1990);
    assert.equal(t("1990-05-17T00:00:00Z"), 1990);
    assert.equal(t("2999/01/01"), null, "a year in the future is not a birth year");
    assert.equal(t("unknown"), null);
    assert.equal(yearOfBirth(null, 2026), null);
  });

  it("stops the location at the first missing level, so positions keep their meaning", () => {
    const id = normaliseIdentity({ region: "North", city: "Somewhere", postalCode: "12345" })!;
    assert.deepEqual(profileLocation(id), ["North"]);
    assert.equal(profileLocation(normaliseIdentity({ postalCode: "12345" })), null);
    // The 1.1.x name of level 4 is dropped like zone.
    assert.deepEqual(
      profileLocation(normaliseIdentity({ region: "A", province: "B", city: "C", localAdministrativeAuthority: "D", postalCode: "E" })),
      ["A", "B", "C"],
    );
  });

  it("takes the supervisor's decision over the reviewers', and derives it from the response when nobody reviewed", () => {
    const rows: ProfileDecisionRow[] = [
      { level: "PRIMARY", body: verdicts(true) },
      { level: "SECONDARY", body: verdicts(false) },
      { level: "SUPERVISOR", body: decisionBody.parse({ cannotAdjudicate: true, comment: "blurred" }) },
    ];
    assert.equal(finalDecision(facts, rows), "RESEND");
    assert.equal(finalDecision(facts, rows.slice(0, 2)), "NOT_DUPLICATE");
    const p = buildAdjudicationProfile(facts, rows, null, null);
    assert.equal(p.reviewersAgreed, false);
    assert.equal(finalDecision({ ...facts, response: { returnValue: 2, duplicates: null } }, []), "RESEND");
    assert.equal(finalDecision({ ...facts, response: { returnValue: 1, duplicates: 1 } }, []), "DUPLICATE");
    assert.equal(finalDecision({ ...facts, kind: "VERIFICATION", response: { returnValue: 3, duplicates: null } }, []), "REJECT");
  });

  it("carries the comparison aid's best score per modality as a band beside the decision, never a score or a finger", () => {
    const rows: ProfileDecisionRow[] = [{ level: "PRIMARY", body: verdicts(false) }];
    const scored = buildAdjudicationProfile(
      {
        ...facts,
        topScores: [
          { modality: "Finger", score: 64.8 },
          { modality: "Finger", score: 12.5 },
          { modality: "Face", score: 19.6 },
        ],
      },
      rows,
      null,
      null,
    );
    assert.equal(scored.decision, "NOT_DUPLICATE");
    assert.deepEqual(scored.topScores, { Finger: "60-79", Face: "20-39" }, "the highest per modality, banded");
    assert.doesNotMatch(JSON.stringify(scored), /64\.8|12\.5|19\.6|RIGHT_|LEFT_|minutiae/, "no exact score, no finger");
    assert.equal(
      buildAdjudicationProfile({ ...facts, topScores: [{ modality: "Finger", score: 100 }] }, rows, null, null).topScores?.Finger,
      "80-100",
    );
    assert.equal(buildAdjudicationProfile(facts, rows, null, null).topScores, null, "a case nobody scored says nothing");
    assert.equal(buildAdjudicationProfile({ ...facts, topScores: [] }, rows, null, null).topScores, null);
  });
  it("exports the bands as stored, bands a stray number and drops anything else", () => {
    assert.deepEqual(exportedTopScores({ Finger: "60-79" }), { Finger: "60-79" });
    assert.deepEqual(exportedTopScores({ Finger: 33.3, Face: "a template" }), { Finger: "20-39" });
    assert.equal(exportedTopScores(null), null);
    assert.equal(exportedTopScores([{ score: 50 }]), null);
    const doc = profileDocument({
      id: "00000000-0000-4000-8000-000000000001",
      process: "ADJUDICATION",
      decidedOn: new Date("2026-03-01T00:00:00Z"),
      yearOfBirth: null,
      gender: null,
      location: null,
      biometrics: [],
      decision: "DUPLICATE",
      secondsToDecide: 60,
      candidateCount: 2,
      reviewersAgreed: true,
      topScores: { Finger: "80-100" },
      createdAt: new Date(),
    });
    assert.deepEqual(doc.topScores, { Finger: "80-100" });
  });
});
