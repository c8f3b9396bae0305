import { match } from "@formatjs/intl-localematcher";

/**
 * The languages of the screens, named as MOSIP names languages (ISO 639-3: eng, fra, ara), so a deployment
 * copies mosip.supported-languages into MAS_UI_LANGUAGES. The browser, <html lang> and the Intl formatters speak
 * BCP 47 (en, fr, ar): tagOf() converts, with the platform's own alias table. Decision: docs/decisions/0018.
 */
export type UiLanguage = string;

/** The cookie that carries the language to pages without a user (sign-in) and after sign-out. */
export const UI_LANGUAGE_COOKIE = "mas-ui-language";

/** MOSIP's default mosip.supported-languages, in the order English first (the fallback). */
export const DEFAULT_UI_LANGUAGES = "eng,fra,ara";

const CODE = /^[a-z]{3}$/;

/** The BCP 47 tag of an ISO 639-3 code ("fra" → "fr"), or null when the platform does not know the language. */
export function tagOf(code: string): string | null {
  if (!CODE.test(code)) return null;
  try {
    const [tag] = Intl.getCanonicalLocales(code);
    if (!tag) return null;
    // A code with a two-letter alias is known by definition; a three-letter-only one (fil) must have a name.
    const known = tag !== code || new Intl.DisplayNames(["en"], { type: "language", fallback: "none" }).of(tag) !== undefined;
    return known ? tag : null;
  } catch {
    return null;
  }
}

/** Right to left for Arabic, Hebrew, Persian, Urdu...: read from the platform's locale data. */
export function directionOf(code: string): "ltr" | "rtl" {
  const tag = tagOf(code) ?? code;
  const info = (new Intl.Locale(tag) as Intl.Locale & { textInfo?: { direction?: string } }).textInfo;
  return info?.direction === "rtl" ? "rtl" : "ltr";
}

/** The language's own name for itself ("français", "العربية"), for the language menu. */
export function nativeNameOf(code: string): string {
  const tag = tagOf(code) ?? code;
  return new Intl.DisplayNames([tag], { type: "language" }).of(tag) ?? code;
}

/** MAS_UI_LANGUAGES: comma-separated ISO 639-3 codes, the first one the default. Returns the problem, or the list. */
export function parseUiLanguages(value: string): { languages: UiLanguage[] } | { problem: string } {
  const codes = value
    .split(",")
    .map((c) => c.trim())
    .filter(Boolean);
  if (codes.length === 0) return { problem: "lists no language: give ISO 639-3 codes such as eng,fra,ara" };
  for (const c of codes) {
    if (!CODE.test(c)) return { problem: `"${c}" is not an ISO 639-3 code (three lower-case letters, as MOSIP's eng, fra, ara)` };
    if (!tagOf(c)) return { problem: `"${c}" is not a language this platform knows` };
  }
  if (new Set(codes).size !== codes.length) return { problem: "lists a language twice" };
  return { languages: codes };
}

/** Accept-Language → the requested BCP 47 tags, best first (q=0 means "not this one"). */
function requestedTags(acceptLanguage: string | null | undefined): string[] {
  if (!acceptLanguage) return [];
  return acceptLanguage
    .split(",")
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag: tag?.trim() ?? "", q: q ? Number(q.slice(2)) : 1, i };
    })
    .filter((r) => r.tag && r.tag !== "*" && Number.isFinite(r.q) && r.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i)
    .flatMap((r) => {
      try {
        return Intl.getCanonicalLocales(r.tag);
      } catch {
        return [];
      }
    });
}

export interface LanguageSources {
  /** The user's saved preference, if any. */
  preference?: string | null;
  /** The language cookie, for pages without a user. */
  cookie?: string | null;
  acceptLanguage?: string | null;
}

/**
 * The language of this request's screens: the user's preference, else the cookie, else the browser's best match
 * among the offered languages, else the first offered one. Anything not offered (a language since removed from
 * MAS_UI_LANGUAGES) is skipped.
 */
export function chooseUiLanguage(sources: LanguageSources, offered: readonly UiLanguage[]): UiLanguage {
  const fallback = offered[0] ?? "eng";
  for (const c of [sources.preference, sources.cookie]) if (c && offered.includes(c)) return c;
  const requested = requestedTags(sources.acceptLanguage);
  if (requested.length === 0) return fallback;
  const byTag = new Map(offered.map((c) => [tagOf(c) ?? c, c]));
  const best = match(requested, [...byTag.keys()], "und", { algorithm: "lookup" });
  return byTag.get(best) ?? fallback;
}
