export type TextDirection = "ltr" | "rtl";

/**
 * Languages written right to left, as ISO 639-1/-2/-3 codes. MOSIP's own data
 * uses both "ara" and the older "arb" for Arabic, so both are here.
 */
const RTL_LANGUAGES = new Set([
  "ar",
  "ara",
  "arb",
  "ary",
  "arz",
  "apc",
  "ajp",
  "acm",
  "ayl", // Arabic and its regional varieties
  "fa",
  "fas",
  "per",
  "pes",
  "prs", // Persian / Farsi, Dari
  "ur",
  "urd",
  "he",
  "heb",
  "iw",
  "yi",
  "yid",
  "ps",
  "pus",
  "pbt",
  "sd",
  "snd",
  "ckb", // Central Kurdish (Sorani), Arabic script
  "ug",
  "uig",
  "dv",
  "div",
  "syr",
]);

// Strong right-to-left characters: Hebrew, Arabic, Syriac, Thaana, N'Ko and the Arabic presentation forms.
const RTL_CHAR = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const LTR_CHAR = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF\u0900-\u0DFF\u0E00-\u0FFF\u3040-\u9FFF\uAC00-\uD7AF]/u;

function primarySubtag(language: string): string {
  return language.trim().toLowerCase().split(/[-_]/, 1)[0];
}

/** True for languages written right to left ("ara", "ar-SA", "fas", "urd", "heb", ...). */
export function isRtlLanguage(language: string | null | undefined): boolean {
  return language ? RTL_LANGUAGES.has(primarySubtag(language)) : false;
}

/**
 * Direction of a value: its language when that is a known RTL language,
 * otherwise the first strong character, as a browser's dir="auto" would do,
 * so untagged Arabic text (or an unfamiliar language code) still reads right.
 */
export function textDirection(text: string, language: string | null = null): TextDirection {
  if (isRtlLanguage(language)) return "rtl";
  for (const ch of text) {
    if (RTL_CHAR.test(ch)) return "rtl";
    if (LTR_CHAR.test(ch)) return "ltr";
  }
  return "ltr";
}

// ISO 639-2/-3 codes MOSIP sends -> the BCP 47 tag browsers use to pick fonts and shaping.
const BCP47: Record<string, string> = {
  ara: "ar",
  arb: "ar",
  eng: "en",
  fra: "fr",
  fre: "fr",
  fas: "fa",
  per: "fa",
  urd: "ur",
  heb: "he",
  hin: "hi",
  tam: "ta",
  kan: "kn",
  tel: "te",
  mal: "ml",
  ben: "bn",
  spa: "es",
  por: "pt",
  deu: "de",
  ger: "de",
  swa: "sw",
  amh: "am",
  khm: "km",
  tha: "th",
  vie: "vi",
  zho: "zh",
  chi: "zh",
  rus: "ru",
};

/** Value for an HTML lang attribute: two-letter tag where one exists, else the code as sent. */
export function htmlLang(language: string): string {
  const primary = primarySubtag(language);
  return BCP47[primary] ?? primary;
}
