// Test support with a production guard: when MAS_SIMULATOR_RECORD_FILE is set (the e2e run sets it; lib/env
// refuses it in production), every identity the simulator invents is appended to that file, one JSON line per
// person, so that the e2e teardown can prove no log line and no database column holds any of them in clear
// (e2e/support/pii-scan.ts). Only synthetic people are written: the simulator's own inventions.

import { appendFileSync } from "node:fs";
import type { Scenario } from "./scenario";
import { toIdentityJson, type LanguageTagged } from "./synthetic-identity";

export interface RecordedIdentity {
  names: string[];
  datesOfBirth: string[];
  addressLines: string[];
  phones: string[];
  emails: string[];
}

/** The values of one synthetic identity that must never appear in clear outside the encrypted datashare. */
export function sensitiveValues(identity: Record<string, unknown>): RecordedIdentity {
  const texts = (key: string) => ((identity[key] as LanguageTagged | undefined) ?? []).map((t) => t.value);
  const dob = String(identity.dateOfBirth ?? "");
  return {
    names: texts("fullName"),
    // As written in the identity, and as an ISO date (a leak may well reformat it).
    datesOfBirth: dob ? [dob, dob.replaceAll("/", "-")] : [],
    addressLines: [...texts("addressLine1"), ...texts("addressLine2"), ...texts("addressLine3")],
    phones: identity.phone ? [String(identity.phone)] : [],
    emails: identity.email ? [String(identity.email)] : [],
  };
}

/** Appends the scenario's people to MAS_SIMULATOR_RECORD_FILE when it is set; does nothing otherwise. */
export function recordScenarioIdentities(scenario: Scenario): void {
  const file = process.env.MAS_SIMULATOR_RECORD_FILE;
  if (!file) return;
  const subjects = scenario.requests.flatMap((r) => [r.applicant, ...r.gallery]);
  const lines = subjects.map((s) => JSON.stringify(sensitiveValues(toIdentityJson(s.profile))));
  if (lines.length > 0) appendFileSync(file, `${lines.join("\n")}\n`, { mode: 0o600 });
}
