// What comes back from a datashare GET, after transport and (optional) decryption:
//
// 1. a MOSIP error envelope instead of data (expired / missing share, bad token) — detect it
//    before trying to decrypt, since an envelope is plain JSON even when the policy encrypts;
// 2. the payload JSON that the MA/VS stage uploaded (MA/dto/DataShareRequestDto.java):
//    { biometrics, identity, documents, metaInfo, audits }, any of them null (contract notes 4.3).
//
// Reasons and warnings never include field values: this is personal data.

import { z } from "zod";
import { normaliseIdentity, type IdentityValue } from "./identity";

export type DatashareErrorCategory =
  /** KER-ATH-401: token missing/expired; refresh and retry */
  | "AUTHENTICATION"
  /** KER-ATH-403: this client may not read the share */
  | "AUTHORIZATION"
  /** DAT-SER-006: unknown share or read/expiry limit reached; permanent, answer returnValue 2 */
  | "NOT_FOUND_OR_EXPIRED"
  /** DAT-SER-003: the stored file is missing or empty */
  | "FILE_MISSING"
  | "OTHER";

export interface DatashareError {
  errorCode: string;
  message: string;
  category: DatashareErrorCategory;
}

const CATEGORY: Record<string, DatashareErrorCategory> = {
  "KER-ATH-401": "AUTHENTICATION",
  "KER-ATH-403": "AUTHORIZATION",
  "DAT-SER-006": "NOT_FOUND_OR_EXPIRED",
  "DAT-SER-003": "FILE_MISSING",
};

/**
 * The first error of a `{"errors":[{"errorCode","message"}], ...}` body, or null when the body is
 * not such an envelope (payload JSON, encrypted text, empty `errors`).
 */
export function detectDatashareError(body: string | Uint8Array): DatashareError | null {
  const text = typeof body === "string" ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString("utf8");
  const start = text.trimStart();
  // Cheap pre-check: payloads can be megabytes of base64 and need not be parsed twice.
  if (!start.startsWith("{") || !text.includes('"errors"')) return null;
  let json: unknown;
  try {
    json = JSON.parse(start);
  } catch {
    return null;
  }
  if (!isObject(json) || !Array.isArray(json.errors) || json.errors.length === 0) return null;
  const first = json.errors[0];
  const rec = isObject(first) ? first : {};
  const errorCode = typeof rec.errorCode === "string" && rec.errorCode.trim() ? rec.errorCode.trim() : "UNKNOWN";
  const message = typeof rec.message === "string" ? rec.message : "";
  return { errorCode, message, category: CATEGORY[errorCode] ?? "OTHER" };
}

// ---- decrypted payload ----

/** URL-safe base64 as MOSIP writes it; standard alphabet and padding also accepted. */
const BASE64_ANY = /^[A-Za-z0-9_\-+/]*={0,2}$/;

const jsonText = z.union([z.string(), z.record(z.string(), z.unknown()), z.array(z.unknown())]).nullish();

export const DatasharePayloadWireSchema = z.object({
  biometrics: z.string().nullish(),
  identity: z.record(z.string(), z.unknown()).nullish(),
  documents: z.record(z.string(), z.string().nullable()).nullish(),
  // JSON strings per the DTO; accept already-parsed JSON too.
  metaInfo: jsonText,
  audits: jsonText,
});

export interface DatasharePayload {
  /** CBEFF XML (decoded from URL-safe base64), or null. */
  biometricsXml: string | null;
  identity: Record<string, IdentityValue> | null;
  /** Raw document bytes per document field; null where MOSIP sent null. */
  documents: Record<string, Buffer | null> | null;
  metaInfo: Record<string, unknown> | null;
  audits: unknown[] | null;
  warnings: string[];
}

export type ParsePayloadResult = { ok: true; payload: DatasharePayload } | { ok: false; reason: string };

export function parseDatasharePayload(input: string | Uint8Array | Record<string, unknown>): ParsePayloadResult {
  let json: unknown = input;
  if (typeof input === "string" || input instanceof Uint8Array) {
    const text = typeof input === "string" ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString("utf8");
    try {
      json = JSON.parse(text);
    } catch {
      return { ok: false, reason: "payload: not valid JSON" };
    }
  }
  if (!isObject(json)) return { ok: false, reason: "payload: expected a JSON object" };
  if (Array.isArray(json.errors) && json.errors.length > 0) {
    return { ok: false, reason: "payload: is a MOSIP error envelope (use detectDatashareError)" };
  }
  const r = DatasharePayloadWireSchema.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0];
    const path = issue.path
      .map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))
      .join("")
      .replace(/^\./, "");
    const expected = issue.code === "invalid_type" ? `expected ${issue.expected}` : "invalid value";
    return { ok: false, reason: `payload.${path}: ${expected}` };
  }
  const wire = r.data;
  const warnings: string[] = [];

  let biometricsXml: string | null = null;
  if (wire.biometrics) {
    const bytes = decodeBase64Field(wire.biometrics);
    if (!bytes) return { ok: false, reason: "payload.biometrics: not base64" };
    biometricsXml = bytes.toString("utf8");
    if (!biometricsXml.trimStart().startsWith("<")) warnings.push("biometrics: decoded data does not look like XML");
  }

  let documents: Record<string, Buffer | null> | null = null;
  if (wire.documents) {
    documents = {};
    for (const [name, value] of Object.entries(wire.documents)) {
      if (value === null) {
        documents[name] = null;
        continue;
      }
      const bytes = decodeBase64Field(value);
      if (!bytes) return { ok: false, reason: `payload.documents.${name}: not base64` };
      documents[name] = bytes;
    }
  }

  const meta = readJsonText(wire.metaInfo, "metaInfo", warnings);
  const metaInfo = meta === null ? null : isObject(meta) ? meta : warn(warnings, "metaInfo: expected a JSON object; ignored");
  const aud = readJsonText(wire.audits, "audits", warnings);
  const audits = aud === null ? null : Array.isArray(aud) ? aud : warn(warnings, "audits: expected a JSON array; ignored");

  return {
    ok: true,
    payload: { biometricsXml, identity: normaliseIdentity(wire.identity ?? null), documents, metaInfo, audits, warnings },
  };
}

/** MOSIP's CryptoUtil.encodeToURLSafeBase64 output (no padding); lenient on alphabet and padding. */
export function decodeBase64Field(s: string): Buffer | null {
  const compact = s.replace(/\s+/g, "");
  if (!BASE64_ANY.test(compact) || compact.length % 4 === 1) return null;
  return Buffer.from(compact.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, ""), "base64url");
}

function readJsonText(v: unknown, name: string, warnings: string[]): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v !== "string") return v;
  if (v.trim() === "") return null;
  try {
    return JSON.parse(v);
  } catch {
    warnings.push(`${name}: not valid JSON text; ignored`);
    return null;
  }
}

function warn(warnings: string[], message: string): null {
  warnings.push(message);
  return null;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
