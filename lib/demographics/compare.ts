import type { DemographicField, DemographicsView } from "./demographics-view";

export type MatchStatus = "same" | "different" | "missingOnOneSide";

export interface LanguageComparison {
  /** null for values without a language. */
  language: string | null;
  status: MatchStatus;
}

export interface FieldComparison {
  key: string;
  label: string;
  /**
   * different: some language present on both sides disagrees;
   * missingOnOneSide: one side has no value at all, or the two sides share no language;
   * same: every shared language agrees (languages on one side only are in `languages`).
   */
  status: MatchStatus;
  languages: LanguageComparison[];
}

/**
 * Text as compared: Unicode-compatibility folded, accents and other
 * combining marks (Arabic harakat included) removed, tatweel dropped,
 * case-folded, whitespace collapsed. "José  Núñez" equals "jose nunez".
 */
export function comparableText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/\u0640/g, "")
    .toLowerCase()
    .replace(/\s+/gu, " ")
    .trim();
}

function byLanguage(field: DemographicField | undefined): Map<string | null, Set<string>> {
  const out = new Map<string | null, Set<string>>();
  for (const v of field?.values ?? []) {
    const key = v.language === null ? null : v.language.toLowerCase();
    const set = out.get(key) ?? new Set<string>();
    set.add(comparableText(v.text));
    out.set(key, set);
  }
  return out;
}

function sameSet(a: Set<string>, b: Set<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}

/**
 * Field-by-field applicant vs candidate, in the applicant's field order then
 * any field only the candidate has. Fields with no value on either side are
 * "same" (nothing to tell apart).
 */
export function compareDemographics(applicant: DemographicsView, candidate: DemographicsView): FieldComparison[] {
  const a = new Map(applicant.fields.map((f) => [f.key, f]));
  const c = new Map(candidate.fields.map((f) => [f.key, f]));
  const keys = [...a.keys(), ...[...c.keys()].filter((k) => !a.has(k))];
  return keys.map((key) => {
    const left = byLanguage(a.get(key));
    const right = byLanguage(c.get(key));
    const langs = [...left.keys(), ...[...right.keys()].filter((l) => !left.has(l))];
    const languages: LanguageComparison[] = langs.map((language) => {
      const l = left.get(language);
      const r = right.get(language);
      if (!l || !r) return { language, status: "missingOnOneSide" };
      return { language, status: sameSet(l, r) ? "same" : "different" };
    });
    let status: MatchStatus;
    if (left.size === 0 && right.size === 0) status = "same";
    else if (left.size === 0 || right.size === 0) status = "missingOnOneSide";
    else if (languages.some((l) => l.status === "different")) status = "different";
    else if (languages.some((l) => l.status === "same")) status = "same";
    else status = "missingOnOneSide";
    return { key, label: (a.get(key) ?? c.get(key))!.label, status, languages };
  });
}
