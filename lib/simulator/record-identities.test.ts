import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { recordScenarioIdentities } from "./record-identities";
import { createScenario } from "./scenario";
import { toIdentityJson } from "./synthetic-identity";

const scratch = mkdtempSync(join(tmpdir(), "mas-record-"));
after(() => {
  delete process.env.MAS_SIMULATOR_RECORD_FILE;
  rmSync(scratch, { recursive: true, force: true });
});

describe("recordScenarioIdentities", () => {
  const scenario = createScenario({ seed: 7, adjudications: 2, verifications: 1, publicUrl: "http://127.0.0.1:1" });

  it("writes nothing unless MAS_SIMULATOR_RECORD_FILE is set", () => {
    delete process.env.MAS_SIMULATOR_RECORD_FILE;
    assert.doesNotThrow(() => recordScenarioIdentities(scenario));
  });

  it("records every person of the scenario with the values the e2e scan looks for", () => {
    const file = join(scratch, "ids.ndjson");
    process.env.MAS_SIMULATOR_RECORD_FILE = file;
    recordScenarioIdentities(scenario);
    const lines = readFileSync(file, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    const people = scenario.requests.flatMap((r) => [r.applicant, ...r.gallery]);
    assert.equal(lines.length, people.length);
    const identity = toIdentityJson(people[0].profile) as Record<string, unknown>;
    const first = lines[0];
    assert.deepEqual(
      first.names,
      (identity.fullName as { value: string }[]).map((t) => t.value),
    );
    assert.deepEqual(first.datesOfBirth, [identity.dateOfBirth, String(identity.dateOfBirth).replaceAll("/", "-")]);
    assert.equal(first.addressLines.length, 6);
    assert.deepEqual(first.phones, [identity.phone]);
    assert.deepEqual(first.emails, [identity.email]);
  });
});
