// `referenceURL` of an adjudication/verification request, in the three shapes MOSIP produces:
//
// 1. a plain datashare URL string (legacy MA mode, and always in the verification stage);
// 2. the LTS default (`mosip.regproc.manual.adjudication.use.lts.format=true`): a *string* holding a
//    JSON array `[{"source":"packet","status":"PROCESSING","url":"..."}]`. The Java field is declared
//    `URL`, Jackson writes `url`; accept both. UPDATE/RES_UPDATE packets carry two entries
//    (packet + idrepo), so one subject can have several sources;
// 3. a real JSON array (a proposed MOSIP change; the request parser also accepts it under
//    `referenceURLs`).
//
// null / empty array means MOSIP could not create the datashare: the subject is kept and shown as
// "data unavailable" (contract pitfall 17), so that is not an error here.
//
// Error reasons never echo a URL: a datashare URL is a bearer capability to personal data.

export interface ReferenceSource {
  /** "packet" | "idrepo" in the LTS form; null for a plain URL. */
  source: string | null;
  /** Registration status code at send time (e.g. "PROCESSING", "PROCESSED"); null for a plain URL. */
  status: string | null;
  url: string;
}

export type ReferenceUrlErrorCode = "WRONG_TYPE" | "MISSING_FIELD" | "INVALID_URL" | "INVALID_JSON";

export type ReferenceUrlResult = { ok: true; sources: ReferenceSource[] } | { ok: false; code: ReferenceUrlErrorCode; reason: string };

/** `path` is only used to name the field in error reasons (e.g. "gallery.referenceIds[0].referenceURL"). */
export function parseReferenceUrl(value: unknown, path = "referenceURL"): ReferenceUrlResult {
  if (value === null || value === undefined) return { ok: true, sources: [] };

  if (typeof value === "string") {
    const text = value.trim();
    if (text.startsWith("[") || text.startsWith("{")) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        return fail("INVALID_JSON", `${path}: starts like JSON but is not valid JSON`);
      }
      return Array.isArray(parsed) ? parseArray(parsed, path) : parseArray([parsed], path, true);
    }
    const checked = checkHttpUrl(text, path);
    return checked.ok ? { ok: true, sources: [{ source: null, status: null, url: checked.url }] } : checked;
  }

  if (Array.isArray(value)) return parseArray(value, path);
  return fail("WRONG_TYPE", `${path}: expected string or array, got ${describeType(value)}`);
}

function parseArray(items: unknown[], path: string, single = false): ReferenceUrlResult {
  const sources: ReferenceSource[] = [];
  for (let i = 0; i < items.length; i++) {
    const at = single ? path : `${path}[${i}]`;
    const item = items[i];
    if (typeof item === "string") {
      const checked = checkHttpUrl(item.trim(), at);
      if (!checked.ok) return checked;
      sources.push({ source: null, status: null, url: checked.url });
      continue;
    }
    if (item === null || typeof item !== "object" || Array.isArray(item)) {
      return fail("WRONG_TYPE", `${at}: expected object with url, got ${describeType(item)}`);
    }
    const rec = item as Record<string, unknown>;
    const key = rec.url !== undefined && rec.url !== null ? "url" : "URL";
    const url = rec[key];
    if (url === undefined || url === null) return fail("MISSING_FIELD", `${at}.url: required`);
    if (typeof url !== "string") return fail("WRONG_TYPE", `${at}.${key}: expected string, got ${describeType(url)}`);
    const checked = checkHttpUrl(url.trim(), `${at}.${key}`);
    if (!checked.ok) return checked;
    const source = optionalString(rec.source, `${at}.source`);
    if (!source.ok) return source;
    const status = optionalString(rec.status, `${at}.status`);
    if (!status.ok) return status;
    sources.push({ source: source.value, status: status.value, url: checked.url });
  }
  return { ok: true, sources };
}

function checkHttpUrl(text: string, path: string): { ok: true; url: string } | { ok: false; code: ReferenceUrlErrorCode; reason: string } {
  if (text === "") return fail("INVALID_URL", `${path}: empty URL`);
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    return fail("INVALID_URL", `${path}: not an absolute URL`);
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") {
    return fail("INVALID_URL", `${path}: expected an http(s) URL, got scheme "${u.protocol.slice(0, 20)}"`);
  }
  if (u.hostname === "") return fail("INVALID_URL", `${path}: URL has no host`);
  // Keep MOSIP's text, not URL.href: re-serialising could re-encode the share key.
  return { ok: true, url: text };
}

function optionalString(
  v: unknown,
  path: string,
): { ok: true; value: string | null } | { ok: false; code: ReferenceUrlErrorCode; reason: string } {
  if (v === undefined || v === null) return { ok: true, value: null };
  if (typeof v !== "string") return fail("WRONG_TYPE", `${path}: expected string, got ${describeType(v)}`);
  return { ok: true, value: v };
}

function fail(code: ReferenceUrlErrorCode, reason: string): { ok: false; code: ReferenceUrlErrorCode; reason: string } {
  return { ok: false, code, reason };
}

/** JSON-ish type name for error reasons ("null", "array", "number", ...). */
export function describeType(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v;
}
