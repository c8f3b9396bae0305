// Normalising the datashare `identity` map for display (contract notes 4.3, pitfall 14).
//
// The same field arrives in different encodings depending on where MOSIP took it from:
//   packet source : plain strings as-is ("1990/01/01"), numbers via toString ("30"),
//                   arrays/objects as compact JSON text ("[{\"language\":\"eng\",...}]");
//   idrepo source : every value through ObjectMapper.writeValueAsString, so plain strings come
//                   JSON-quoted ("\"1990/01/01\"") and arrays/objects as JSON text;
//   raw ID.json   : real JSON values (arrays, objects, numbers), e.g. in test fixtures.
// All three normalise to the same result.

export interface LanguageValue {
  language: string;
  value: string;
}

export type IdentityValue =
  | { kind: "text"; value: string }
  | { kind: "multilang"; values: LanguageValue[] }
  /** Anything else structured: document and biometric references ({format, type, value}), etc. */
  | { kind: "json"; value: unknown }
  | null;

/** JSON text nested inside a JSON-quoted string is unwrapped at most this many times. */
const MAX_UNWRAP = 3;

export function normaliseIdentityValue(raw: unknown): IdentityValue {
  return normalise(raw, 0);
}

export function normaliseIdentity(identity: unknown): Record<string, IdentityValue> | null {
  if (identity === null || typeof identity !== "object" || Array.isArray(identity)) return null;
  const out: Record<string, IdentityValue> = {};
  for (const [k, v] of Object.entries(identity)) out[k] = normaliseIdentityValue(v);
  return out;
}

function normalise(raw: unknown, depth: number): IdentityValue {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === "number" || typeof raw === "boolean" || typeof raw === "bigint") {
    return { kind: "text", value: String(raw) };
  }
  if (Array.isArray(raw)) return fromArray(raw);
  if (typeof raw === "object") return { kind: "json", value: raw };
  if (typeof raw !== "string") return null;

  // idrepo's writeValueAsString(null) yields the text "null"; plain-string fields (dates, phone,
  // email, postcode) never legitimately hold that word, names are language arrays.
  if (raw === "null") return null;
  const head = raw.trimStart()[0];
  // Only JSON that starts like a string, array or object is unwrapped: "600112" or "8667693831"
  // must stay text (JSON.parse would turn them into numbers and lose leading zeros elsewhere).
  if (depth < MAX_UNWRAP && (head === '"' || head === "[" || head === "{")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return { kind: "text", value: raw };
    }
    if (typeof parsed === "string") return normalise(parsed, depth + 1);
    if (parsed === null) return null;
    return normalise(parsed, depth + 1);
  }
  return { kind: "text", value: raw };
}

function fromArray(items: unknown[]): IdentityValue {
  if (items.length > 0 && items.every(isLanguageValue)) {
    return {
      kind: "multilang",
      values: items.map((i) => ({ language: i.language, value: i.value === null ? "" : String(i.value) })),
    };
  }
  return { kind: "json", value: items };
}

function isLanguageValue(v: unknown): v is { language: string; value: string | number | null } {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return false;
  const r = v as Record<string, unknown>;
  return typeof r.language === "string" && (typeof r.value === "string" || typeof r.value === "number" || r.value === null);
}

/**
 * Display helper: the value in the first preferred language present, else the first value.
 * Returns null for non-text values.
 */
export function identityText(v: IdentityValue, preferredLanguages: readonly string[] = []): string | null {
  if (v === null) return null;
  if (v.kind === "text") return v.value;
  if (v.kind === "multilang") {
    for (const lang of preferredLanguages) {
      const hit = v.values.find((x) => x.language === lang);
      if (hit) return hit.value;
    }
    return v.values[0]?.value ?? null;
  }
  return null;
}
