// The anonymous adjudication profile of one decided case, after MOSIP's "anonymous profile" design
// (registration processor / ID repository, 1.2.0): enough for a policymaker's dashboard (how many, who by
// year of birth / gender / broad area, biometric quality, outcome, speed), never enough to point at a person.
//
// Pure: the caller loads the case facts, its decisions and the applicant's identity and BIRs (in memory);
// this function decides what of it may leave. Everything it returns is derived — no identity string is
// copied except the English text of gender and of the top location levels.

import type { Bir } from "@/lib/biometrics/cbeff/parse-cbeff";
import type { IdentityValue } from "@/lib/mosip/identity";
import { decisionsAgree, duplicates } from "@/lib/cases/decisions-agree";
import { decisionKind, type CandidateVerdict, type DecisionInput } from "@/lib/cases/decision-input";
import { qualityBand, scoreBand } from "./profile-bands";

export type ProfileDecision = "NOT_DUPLICATE" | "DUPLICATE" | "RESEND" | "APPROVE" | "REJECT";

/** Quality in bands (profile-bands.ts); an exception says which modality only, never which finger or eye. */
export type ProfileBiometric =
  | { modality: string; position: string | null; quality: string | null }
  | { modality: string; exception: true };

export interface AdjudicationProfileRecord {
  process: "ADJUDICATION" | "VERIFICATION";
  /** Day of the final decision, UTC, "yyyy-MM-dd". */
  decidedOn: string;
  yearOfBirth: number | null;
  gender: string | null;
  /** Location hierarchy from the top, without its last two levels (see LOCATION_HIERARCHY). */
  location: string[] | null;
  biometrics: ProfileBiometric[];
  decision: ProfileDecision;
  secondsToDecide: number;
  candidateCount: number;
  reviewersAgreed: boolean | null;
  /**
   * The comparison aid's best score of the case per modality (any candidate, any position), as a band: "Finger":
   * "60-79". Null when nothing was scored. Never a template, never a per-finger or per-candidate list.
   */
  topScores: Record<string, string> | null;
}

/** The best machine score of a case in one modality (0–100), as the caller read it from the stored scores. */
export interface ModalityTopScore {
  modality: "Finger" | "Face" | "Iris";
  score: number;
}

export interface ProfileCaseFacts {
  kind: "ADJUDICATION" | "VERIFICATION";
  receivedAt: Date;
  decidedAt: Date;
  candidateCount: number;
  /**
   * The returnValue (and candidate count) of the response queued for MOSIP. Used only when no review decision
   * exists, i.e. an admin answered a case whose data never arrived with a resend.
   */
  response?: { returnValue: number; duplicates: number | null } | null;
  /** The comparison aid's best score per modality; absent or empty when the case was not scored. */
  topScores?: readonly ModalityTopScore[];
}

export interface ProfileDecisionRow {
  level: "PRIMARY" | "SECONDARY" | "SUPERVISOR";
  body: DecisionInput;
}

/**
 * MOSIP's default ID schema names its location hierarchy region > province > city > zone > postalCode
 * (masterdata hierarchy levels 1..5 under the country). The 1.1.x sample ID.json has
 * localAdministrativeAuthority where 1.2 has zone, so either name fills level 4. The profile keeps the
 * levels above the last two (zone and postal code), as MOSIP's profile does: region, province, city.
 * Levels are positional: the list stops at the first level the identity lacks, so location[i] is always
 * hierarchy level i+1 and Kibana can aggregate on it.
 */
export const LOCATION_HIERARCHY: readonly (readonly string[])[] = [
  ["region"],
  ["province"],
  ["city"],
  ["zone", "localAdministrativeAuthority"],
  ["postalCode"],
];
export const PROFILE_LOCATION_LEVELS = LOCATION_HIERARCHY.length - 2;

const MIN_BIRTH_YEAR = 1850;

export function buildAdjudicationProfile(
  facts: ProfileCaseFacts,
  decisions: readonly ProfileDecisionRow[],
  identity: Record<string, IdentityValue> | null,
  birs: readonly Bir[] | null,
): AdjudicationProfileRecord {
  return {
    process: facts.kind,
    decidedOn: facts.decidedAt.toISOString().slice(0, 10),
    yearOfBirth: yearOfBirth(identity?.dateOfBirth ?? null, facts.decidedAt.getUTCFullYear()),
    gender: truncate(englishText(identity?.gender ?? null), 32),
    location: profileLocation(identity),
    biometrics: (birs ?? []).map(profileBiometric),
    decision: finalDecision(facts, decisions),
    secondsToDecide: Math.max(0, Math.round((facts.decidedAt.getTime() - facts.receivedAt.getTime()) / 1000)),
    candidateCount: facts.candidateCount,
    reviewersAgreed: reviewersAgreed(decisions),
    topScores: bandedTopScores(facts.topScores ?? []),
  };
}

/** One band per modality (the highest, should a modality be given twice); null when there is none. */
export function bandedTopScores(scores: readonly ModalityTopScore[]): Record<string, string> | null {
  const best = new Map<string, number>();
  for (const s of scores) if (Number.isFinite(s.score)) best.set(s.modality, Math.max(best.get(s.modality) ?? -1, s.score));
  const out: Record<string, string> = {};
  for (const [modality, score] of best) out[modality] = scoreBand(score)!;
  return best.size ? out : null;
}

/**
 * The year of a date of birth as MOSIP writes it (yyyy/MM/dd in the default schema; yyyy-MM-dd and dd/MM/yyyy
 * accepted). Never more than the year; null when it cannot be read or is not a plausible year.
 */
export function yearOfBirth(value: IdentityValue, latestYear: number): number | null {
  const text = plainText(value)?.trim();
  if (!text) return null;
  const m =
    /^(\d{4})[/.-]\d{1,2}[/.-]\d{1,2}(?:$|[T ])/.exec(text) ?? /^\d{1,2}[/.-]\d{1,2}[/.-](\d{4})$/.exec(text) ?? /^(\d{4})$/.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  return year >= MIN_BIRTH_YEAR && year <= latestYear ? year : null;
}

export function profileLocation(identity: Record<string, IdentityValue> | null): string[] | null {
  if (!identity) return null;
  const out: string[] = [];
  for (const names of LOCATION_HIERARCHY.slice(0, PROFILE_LOCATION_LEVELS)) {
    const value = names.map((n) => englishText(identity[n] ?? null)).find((v) => v !== null);
    if (!value) break;
    out.push(truncate(value, 128)!);
  }
  return out.length ? out : null;
}

function profileBiometric(b: Bir): ProfileBiometric {
  // Which fingers are missing is a lasting trait of one body (an amputation, a scar): with day, year of birth
  // and area it can single out a person. The count of exceptions per modality is what the dashboards need.
  if (b.exception) return { modality: b.type, exception: true };
  return { modality: b.type, position: b.subtype, quality: qualityBand(b.qualityScore) };
}

/** The decision MOSIP was sent: the supervisor's if there was a conflict, else the last reviewer's. */
export function finalDecision(facts: ProfileCaseFacts, decisions: readonly ProfileDecisionRow[]): ProfileDecision {
  const byLevel = new Map(decisions.map((d) => [d.level, d.body]));
  const last = byLevel.get("SUPERVISOR") ?? byLevel.get("SECONDARY") ?? byLevel.get("PRIMARY");
  if (last) {
    const k = decisionKind(last);
    if (k === "CANNOT_ADJUDICATE") return "RESEND";
    if (k === "APPROVE" || k === "REJECT") return k;
    return duplicates((last as { candidates: CandidateVerdict[] }).candidates).length > 0 ? "DUPLICATE" : "NOT_DUPLICATE";
  }
  const r = facts.response;
  if (!r || r.returnValue === 2) return "RESEND";
  if (facts.kind === "VERIFICATION") return r.returnValue === 1 ? "APPROVE" : "REJECT";
  return (r.duplicates ?? 0) > 0 ? "DUPLICATE" : "NOT_DUPLICATE";
}

/** Null when the case had no second review (DUPLICATES_ONLY settings, or a resend without review). */
export function reviewersAgreed(decisions: readonly ProfileDecisionRow[]): boolean | null {
  const p = decisions.find((d) => d.level === "PRIMARY");
  const s = decisions.find((d) => d.level === "SECONDARY");
  return p && s ? decisionsAgree(p.body, s.body) : null;
}

/** The English value of a multi-language field, else its first language's value, else the plain text. */
function englishText(value: IdentityValue): string | null {
  if (!value) return null;
  if (value.kind === "text") return value.value.trim() || null;
  if (value.kind === "multilang") {
    const filled = value.values.filter((v) => v.value.trim() !== "");
    const eng = filled.find((v) => v.language.toLowerCase() === "eng" || v.language.toLowerCase() === "en");
    return (eng ?? filled[0])?.value.trim() ?? null;
  }
  return null;
}

function plainText(value: IdentityValue): string | null {
  if (!value) return null;
  if (value.kind === "text") return value.value;
  if (value.kind === "multilang") return value.values[0]?.value ?? null;
  return null;
}

function truncate(s: string | null, max: number): string | null {
  return s === null ? null : s.length > max ? s.slice(0, max) : s;
}
