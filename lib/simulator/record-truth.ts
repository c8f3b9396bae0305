// Test support with a production guard: when MAS_SIMULATOR_TRUTH_FILE is set (the e2e run sets it; lib/env refuses
// it in production), the simulator appends the truth of every adjudication request it makes (which gallery RIDs
// are the applicant) to that file, one JSON line per request, so that an end-to-end test can pick a case with a
// true duplicate and check what the comparison aid makes of it. RIDs only: no identity, no biometric.

import { appendFileSync } from "node:fs";
import type { Scenario } from "./scenario";

export interface RecordedTruth {
  requestId: string;
  /** Gallery RIDs in MOSIP's order. */
  gallery: string[];
  /** Gallery RIDs that are the applicant (true duplicates). */
  duplicates: string[];
}

/** Appends the scenario's adjudication truths to MAS_SIMULATOR_TRUTH_FILE when it is set; does nothing otherwise. */
export function recordScenarioTruth(scenario: Scenario): void {
  const file = process.env.MAS_SIMULATOR_TRUTH_FILE;
  if (!file) return;
  const lines = scenario.requests
    .filter((r) => r.kind === "ADJUDICATION")
    .map((r) => {
      const truth: RecordedTruth = {
        requestId: r.requestId,
        gallery: r.gallery.map((g) => g.rid),
        duplicates: scenario.truth.get(r.requestId)?.duplicates ?? [],
      };
      return JSON.stringify(truth);
    });
  if (lines.length > 0) appendFileSync(file, `${lines.join("\n")}\n`, { mode: 0o600 });
}
