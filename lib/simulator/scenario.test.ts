import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseAdjudicationRequest } from "@/lib/mosip/adjudication-request";
import { isMosipTimeFormat } from "@/lib/mosip/mosip-time";
import { createScenario } from "./scenario";

const base = { seed: 42, publicUrl: "http://127.0.0.1:8089/", candidates: 3 };

describe("scenario", () => {
  for (const urlForm of ["plain", "lts", "array"] as const) {
    it(`writes requests that lib/mosip parses, referenceURL ${urlForm}`, () => {
      const s = createScenario({ ...base, adjudications: 4, urlForm });
      for (const r of s.requests) {
        const json = JSON.parse(r.body);
        assert.deepEqual(Object.keys(json), [
          "id",
          "version",
          "requestId",
          "referenceId",
          "requesttime",
          "referenceURL",
          "addtional",
          "gallery",
        ]);
        assert.equal(json.version, "1.0");
        assert.equal(json.addtional, null);
        assert.ok(isMosipTimeFormat(json.requesttime));
        assert.match(json.referenceId, /^\d{29}$/);
        if (urlForm === "plain")
          assert.match(
            json.referenceURL,
            /^http:\/\/127\.0\.0\.1:8089\/v1\/datashare\/get\/mpolicy-default-adjudication\/mpartner-default-adjudication\/\w+$/,
          );
        if (urlForm === "lts")
          assert.ok(
            typeof json.referenceURL === "string" && json.referenceURL.startsWith('[{"source":"packet","status":"PROCESSING","url":'),
          );
        if (urlForm === "array") assert.ok(Array.isArray(json.referenceURL));
        const parsed = parseAdjudicationRequest(r.body);
        assert.ok(parsed.ok, parsed.ok ? "" : parsed.reason);
        assert.equal(parsed.request.kind, "ADJUDICATION");
        assert.equal(parsed.request.requestId, r.requestId);
        assert.deepEqual(
          parsed.request.applicant.map((a) => a.url),
          [r.applicant.url],
        );
        assert.deepEqual(parsed.request.warnings, []);
        if (parsed.request.kind === "ADJUDICATION") {
          assert.deepEqual(
            parsed.request.gallery.map((g) => g.referenceId),
            r.gallery.map((g) => g.rid),
          );
          if (urlForm !== "plain") {
            assert.deepEqual(
              parsed.request.gallery.map((g) => g.sources[0].source),
              r.gallery.map((g) => g.source),
            );
          }
        }
      }
    });
  }

  it("is reproducible from its seed and records the true duplicates", () => {
    const a = createScenario({ ...base, adjudications: 12, startTime: new Date("2025-01-01T00:00:00Z") });
    const b = createScenario({ ...base, adjudications: 12, startTime: new Date("2025-01-01T00:00:00Z") });
    assert.deepEqual(
      a.requests.map((r) => r.body),
      b.requests.map((r) => r.body),
    );
    let withDuplicates = 0;
    for (const r of a.requests) {
      const truth = a.truth.get(r.requestId)!;
      assert.equal(r.gallery.length, 3);
      for (const rid of truth.duplicates) {
        const g = r.gallery.find((x) => x.rid === rid)!;
        assert.equal(g.personSeed, r.applicant.personSeed);
        assert.notEqual(g.captureSeed, r.applicant.captureSeed);
      }
      for (const g of r.gallery.filter((x) => !truth.duplicates.includes(x.rid))) {
        assert.notEqual(g.personSeed, r.applicant.personSeed);
        assert.equal(g.profile.family, r.applicant.profile.family);
      }
      if (truth.duplicates.length > 0) withDuplicates++;
      assert.equal(new Set([r.applicant.rid, ...r.gallery.map((g) => g.rid)]).size, 4);
    }
    assert.ok(withDuplicates > 0 && withDuplicates < 12, `${withDuplicates} of 12 have duplicates`);
    // Every subject with a URL is servable by its share key.
    assert.equal(a.shares.size, 12 * 4);
  });

  it("draws galleries from registrations MOSIP holds: same RID, person and capture, served under a new share", () => {
    const earlier = createScenario({ ...base, seed: 5, adjudications: 3, verifications: 1 });
    const registered = [...earlier.shares.values()];
    const byRid = new Map(registered.map((x) => [x.rid, x]));
    const s = createScenario({ ...base, seed: 6, adjudications: 12, registered });
    let withDuplicates = 0;
    for (const r of s.requests) {
      const truth = s.truth.get(r.requestId)!;
      assert.equal(r.gallery.length, 3);
      assert.equal(new Set([r.applicant.rid, ...r.gallery.map((g) => g.rid)]).size, 4, "RIDs are distinct within a request");
      assert.ok(!byRid.has(r.applicant.rid), "the applicant is a new registration");
      const reused = r.gallery.filter((g) => byRid.has(g.rid));
      assert.ok(reused.length >= 1, "at least one candidate is a registration held before");
      for (const g of reused) {
        const before = byRid.get(g.rid)!;
        assert.notEqual(before.kind, "VERIFICATION", "verification subjects are not gallery material");
        assert.deepEqual(
          [g.personSeed, g.captureSeed, g.profile, g.status, g.source, g.kind],
          [before.personSeed, before.captureSeed, before.profile, before.status, before.source, "CANDIDATE"],
        );
        assert.notEqual(g.shareKey, before.shareKey, "a new share of the same registration");
        assert.equal(s.shares.get(g.shareKey!), g);
      }
      for (const g of r.gallery) {
        assert.equal(truth.duplicates.includes(g.rid), g.personSeed === r.applicant.personSeed);
      }
      const others = r.gallery.filter((g) => g.personSeed !== r.applicant.personSeed);
      assert.equal(new Set(others.map((g) => g.personSeed)).size, others.length, "the other candidates are different people");
      if (truth.duplicates.length > 0) {
        withDuplicates++;
        // Someone registered before, registering again: same birth date and gender, whatever the name.
        const first = r.gallery.find((g) => truth.duplicates.includes(g.rid) && byRid.has(g.rid))!;
        assert.deepEqual(r.applicant.profile.dateOfBirth, first.profile.dateOfBirth);
        assert.equal(r.applicant.female, first.female);
      } else {
        assert.ok(
          r.gallery.some((g) => g.profile.family.eng === r.applicant.profile.family.eng && g.female === r.applicant.female),
          "a candidate looks like the applicant on paper",
        );
      }
    }
    assert.ok(withDuplicates > 0 && withDuplicates < 12, `${withDuplicates} of 12 have duplicates`);
  });

  it("sends null referenceURLs, verification requests with a plain URL and no gallery, and re-sends that supersede", () => {
    const s = createScenario({ ...base, seed: 3, adjudications: 3, verifications: 2, nullUrlRate: 0.5, resends: 1 });
    assert.equal(s.requests.length, 6);
    const nulls = s.requests.flatMap((r) => r.gallery).filter((g) => g.url === null);
    assert.ok(nulls.length > 0);
    for (const r of s.requests.filter((x) => x.kind === "ADJUDICATION")) {
      const parsed = parseAdjudicationRequest(r.body);
      assert.ok(parsed.ok && parsed.request.kind === "ADJUDICATION");
      const truth = s.truth.get(r.requestId)!;
      for (const g of parsed.request.gallery) assert.equal(g.sources.length === 0, truth.unavailable.includes(g.referenceId));
    }
    const resend = s.requests[3];
    assert.equal(resend.supersedes, s.requests[0].requestId);
    assert.equal(resend.referenceId, s.requests[0].referenceId);
    assert.notEqual(resend.applicant.url, s.requests[0].applicant.url);
    assert.equal(s.truth.get(s.requests[0].requestId)!.supersededBy, resend.requestId);
    for (const v of s.requests.slice(4)) {
      const json = JSON.parse(v.body);
      assert.deepEqual(Object.keys(json), ["id", "version", "requestId", "referenceId", "requesttime", "referenceURL", "addtional"]);
      assert.match(json.referenceURL, /^http:/);
      const parsed = parseAdjudicationRequest(v.body);
      assert.ok(parsed.ok && parsed.request.kind === "VERIFICATION");
      assert.equal(v.applicant.kind, "VERIFICATION");
    }
  });
});
