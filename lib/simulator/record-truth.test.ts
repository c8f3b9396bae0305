import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { recordScenarioTruth } from "./record-truth";
import { createScenario } from "./scenario";

const scratch = mkdtempSync(join(tmpdir(), "mas-truth-"));
after(() => {
  delete process.env.MAS_SIMULATOR_TRUTH_FILE;
  rmSync(scratch, { recursive: true, force: true });
});

describe("recordScenarioTruth", () => {
  const scenario = createScenario({ seed: 11, adjudications: 4, verifications: 1, duplicateRate: 1, publicUrl: "http://127.0.0.1:1" });

  it("writes nothing unless MAS_SIMULATOR_TRUTH_FILE is set", () => {
    delete process.env.MAS_SIMULATOR_TRUTH_FILE;
    assert.doesNotThrow(() => recordScenarioTruth(scenario));
  });

  it("records each adjudication's gallery and its true duplicates, the people of the same seed", () => {
    const file = join(scratch, "truth.ndjson");
    process.env.MAS_SIMULATOR_TRUTH_FILE = file;
    recordScenarioTruth(scenario);
    const lines = readFileSync(file, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    const adjudications = scenario.requests.filter((r) => r.kind === "ADJUDICATION");
    assert.equal(lines.length, adjudications.length, "one line per adjudication, none for verification");
    for (const [i, r] of adjudications.entries()) {
      assert.equal(lines[i].requestId, r.requestId);
      assert.deepEqual(
        lines[i].gallery,
        r.gallery.map((g) => g.rid),
      );
      const same = r.gallery.filter((g) => g.personSeed === r.applicant.personSeed).map((g) => g.rid);
      assert.ok(same.length > 0, "duplicateRate 1: every request has a true duplicate");
      assert.deepEqual(lines[i].duplicates, same);
    }
  });
});
