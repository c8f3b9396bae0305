// Bands and groups that keep an anonymous profile from singling a person out (docs/analytics.md, "Anonymity"):
// an exact duration or quality score, rare enough, is a fingerprint of one case; a band shared by many is not.

/** Quality scores (ISO 0–100) in bands of 20: "0-19" … "80-100"; null when the score is unknown. */
export function qualityBand(score: number | null): string | null {
  return bandOf20(score);
}

/**
 * The comparison aid's score (0–100) in the same bands of 20: a dashboard can set the officers' verdicts beside
 * how strong the machine evidence was, and no exact score (which, with the rest, could single out a case) leaves.
 */
export function scoreBand(score: number | null): string | null {
  return bandOf20(score);
}

function bandOf20(score: number | null): string | null {
  if (score === null || !Number.isFinite(score)) return null;
  const s = Math.max(0, Math.min(100, Math.round(score)));
  if (s >= 80) return "80-100";
  const low = Math.floor(s / 20) * 20;
  return `${low}-${low + 19}`;
}

const DURATION_BANDS: readonly [number, string][] = [
  [15 * 60, "<15m"],
  [60 * 60, "15m-1h"],
  [4 * 60 * 60, "1h-4h"],
  [24 * 60 * 60, "4h-1d"],
  [7 * 24 * 60 * 60, "1d-7d"],
];

/** Time from receipt to decision in bands that match how supervisors read it (same hour, same day, same week). */
export function durationBand(seconds: number): string {
  for (const [limit, label] of DURATION_BANDS) if (seconds < limit) return label;
  return ">=7d";
}

/**
 * The quasi-identifiers of an exported profile: what, combined, could point at one person (day, year of birth,
 * gender, area). Profiles are exported only from groups of at least k sharing all of them.
 */
export function profileGroupKey(p: { decidedOn: string; yearOfBirth: number | null; gender: string | null; location: unknown }): string {
  return JSON.stringify([p.decidedOn, p.yearOfBirth, p.gender, p.location ?? null]);
}

/** The keys of groups with at least `minGroup` members; the others are suppressed. */
export function largeEnoughGroups(keys: Iterable<string>, minGroup: number): Set<string> {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return new Set([...counts].filter(([, n]) => n >= minGroup).map(([k]) => k));
}
