// Requests MOSIP puts on `mosip-to-adjudication` (manual adjudication, with a gallery of matched
// RIDs) and `mosip-to-verification` (verification, no gallery). See contract notes section 1.
//
// Parsing never throws: a bad message must be logged and, where possible, answered, not crash the
// consumer. When the message is bad but carries a readable requestId, the failure says so, so the
// caller can correlate the log line (or decide to answer returnValue 2).
//
// Leniency, and why:
// - unknown fields are ignored (MOSIP adds fields across versions; Jackson on their side does the same);
// - `addtional` (sic) is accepted at top level (code) and inside `gallery` (older docs); it is always
//   null in practice, so a malformed one only produces a warning;
// - `id` is trimmed: MOSIP's own verification sample has " mosip.verification.adjudicate ";
// - `requesttime` that cannot be read becomes null with a warning: nothing depends on it;
// - `requestId` is kept byte-for-byte (MOSIP correlates the response by exact equality).

import { z } from "zod";
import { MANUAL_ADJUDICATION_ID, VERIFICATION_ID } from "./message-ids";
import { parseMosipTime } from "./mosip-time";
import { describeType, parseReferenceUrl, type ReferenceSource } from "./reference-url";

export type { ReferenceSource } from "./reference-url";

/** Requests carry URLs only; 1 MiB leaves room for thousands of gallery entries. */
export const DEFAULT_MAX_REQUEST_BYTES = 1024 * 1024;

export type RequestErrorCode =
  | "NOT_JSON"
  | "WRONG_TYPE"
  | "UNKNOWN_ID"
  | "MISSING_FIELD"
  | "INVALID_VALUE"
  | "INVALID_URL"
  | "DUPLICATE_REFERENCE"
  | "OVERSIZE";

export interface AbisAdditional {
  abisId: string | null;
  response: string | null;
}

export interface GalleryEntry {
  /** Matched RID; the only value a response may name as a candidate. */
  referenceId: string;
  /** Empty when MOSIP sent `referenceURL: null` (datashare creation failed): show "data unavailable". */
  sources: ReferenceSource[];
}

interface RequestCommon {
  /** Echo verbatim in the response; MOSIP's only correlation key. */
  requestId: string;
  /** RID under adjudication / verification. */
  referenceId: string;
  requestTime: Date | null;
  requestTimeRaw: string | null;
  version: string | null;
  /** Datashare(s) of the applicant; empty = data unavailable. */
  applicant: ReferenceSource[];
  additional: AbisAdditional[] | null;
  /** Tolerated oddities worth logging (never contain personal data or URLs). */
  warnings: string[];
}

export interface AdjudicationRequest extends RequestCommon {
  kind: "ADJUDICATION";
  id: typeof MANUAL_ADJUDICATION_ID;
  gallery: GalleryEntry[];
}

export interface VerificationRequest extends RequestCommon {
  kind: "VERIFICATION";
  id: typeof VERIFICATION_ID;
}

export type MosipRequest = AdjudicationRequest | VerificationRequest;

export type ParseRequestResult =
  | { ok: true; request: MosipRequest }
  | {
      ok: false;
      code: RequestErrorCode;
      /** Names the field, e.g. "gallery.referenceIds[1].referenceId: expected string, got number". */
      reason: string;
      /** Present when the message was bad but its requestId could still be read. */
      requestId?: string;
      kind?: MosipRequest["kind"];
    };

// ---- wire schemas (what MOSIP serialises; Jackson includes nulls) ----

const notBlank = z.string().regex(/\S/, "must not be blank");

/** `referenceURL` is a union of shapes handled by parseReferenceUrl, so zod only carries it through. */
const GalleryEntryWireSchema = z.object({
  referenceId: notBlank,
  referenceURL: z.unknown().optional(),
  referenceURLs: z.unknown().optional(),
});

export const GalleryWireSchema = z.object({
  referenceIds: z.array(GalleryEntryWireSchema),
  addtional: z.unknown().optional(),
});

const RequestCommonWireSchema = z.object({
  id: z.string(),
  version: z.unknown().optional(),
  requestId: notBlank,
  referenceId: notBlank,
  requesttime: z.string().nullish(),
  referenceURL: z.unknown().optional(),
  referenceURLs: z.unknown().optional(),
  addtional: z.unknown().optional(),
});

export const VerificationRequestWireSchema = RequestCommonWireSchema;
export const AdjudicationRequestWireSchema = RequestCommonWireSchema.extend({ gallery: GalleryWireSchema });

const AdditionalWireSchema = z.array(z.object({ abisId: z.string().nullish(), response: z.string().nullish() })).nullish();

// ---- parser ----

type Failure = Extract<ParseRequestResult, { ok: false }>;

export function parseAdjudicationRequest(raw: string | Uint8Array, opts: { maxBytes?: number } = {}): ParseRequestResult {
  try {
    return parse(raw, opts.maxBytes ?? DEFAULT_MAX_REQUEST_BYTES);
  } catch (e) {
    // Defensive: the steps above are written not to throw; keep the never-throws promise anyway.
    return { ok: false, code: "INVALID_VALUE", reason: `unexpected parser error: ${(e as Error).name}` };
  }
}

function parse(raw: string | Uint8Array, maxBytes: number): ParseRequestResult {
  const size = typeof raw === "string" ? Buffer.byteLength(raw, "utf8") : raw.byteLength;
  if (size > maxBytes) {
    return { ok: false, code: "OVERSIZE", reason: `message: ${size} bytes exceeds the limit of ${maxBytes}` };
  }
  // BytesMessage bodies arrive as bytes (String.getBytes() on a Linux JVM, i.e. UTF-8).
  let text = typeof raw === "string" ? raw : new TextDecoder("utf-8").decode(raw);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, code: "NOT_JSON", reason: "message: not valid JSON" };
  }
  if (json === null || typeof json !== "object" || Array.isArray(json)) {
    return { ok: false, code: "WRONG_TYPE", reason: `message: expected JSON object, got ${describeType(json)}` };
  }
  const obj = json as Record<string, unknown>;
  const requestId = typeof obj.requestId === "string" && /\S/.test(obj.requestId) ? obj.requestId : undefined;
  const withId = (f: Omit<Failure, "ok" | "requestId">): Failure =>
    requestId === undefined ? { ok: false, ...f } : { ok: false, ...f, requestId };

  if (obj.id === undefined || obj.id === null) return withId({ code: "MISSING_FIELD", reason: "id: required" });
  if (typeof obj.id !== "string") {
    return withId({ code: "WRONG_TYPE", reason: `id: expected string, got ${describeType(obj.id)}` });
  }
  const id = obj.id.trim();
  let kind: MosipRequest["kind"];
  if (id === MANUAL_ADJUDICATION_ID) kind = "ADJUDICATION";
  else if (id === VERIFICATION_ID) kind = "VERIFICATION";
  else {
    return withId({
      code: "UNKNOWN_ID",
      reason: `id: expected "${MANUAL_ADJUDICATION_ID}" or "${VERIFICATION_ID}", got "${id.slice(0, 80)}"`,
    });
  }

  const schema = kind === "ADJUDICATION" ? AdjudicationRequestWireSchema : VerificationRequestWireSchema;
  const checked = schema.safeParse(obj);
  if (!checked.success) return withId({ kind, ...describeIssues(checked.error.issues, obj) });
  const wire = checked.data;
  const warnings: string[] = [];

  const applicant = readSources(obj, "");
  if (!applicant.ok) return withId({ kind, code: applicant.code, reason: applicant.reason });

  let requestTime: Date | null = null;
  const requestTimeRaw = wire.requesttime ?? null;
  if (requestTimeRaw === null) warnings.push("requesttime: missing");
  else {
    requestTime = parseMosipTime(requestTimeRaw);
    if (requestTime === null) warnings.push("requesttime: not a recognisable timestamp; ignored");
  }

  const common = {
    requestId: wire.requestId,
    referenceId: wire.referenceId,
    requestTime,
    requestTimeRaw,
    version: typeof wire.version === "string" ? wire.version : null,
    applicant: applicant.sources,
    warnings,
  };

  if (kind === "VERIFICATION") {
    return {
      ok: true,
      request: { kind, id: VERIFICATION_ID, ...common, additional: readAdditional(wire.addtional, "addtional", warnings) },
    };
  }

  const galleryWire = (wire as z.infer<typeof AdjudicationRequestWireSchema>).gallery;
  const rawEntries = (obj.gallery as { referenceIds: Record<string, unknown>[] }).referenceIds;
  const gallery: GalleryEntry[] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < galleryWire.referenceIds.length; i++) {
    const path = `gallery.referenceIds[${i}]`;
    const referenceId = galleryWire.referenceIds[i].referenceId;
    const first = seen.get(referenceId);
    if (first !== undefined) {
      // Cannot happen with MOSIP's primary key (workflow, matched RID); if it does, the gallery
      // is not what MOSIP will validate candidates against, so refuse rather than guess.
      return withId({
        kind,
        code: "DUPLICATE_REFERENCE",
        reason: `${path}.referenceId: same RID as gallery.referenceIds[${first}]`,
      });
    }
    seen.set(referenceId, i);
    const sources = readSources(rawEntries[i], `${path}.`);
    if (!sources.ok) return withId({ kind, code: sources.code, reason: sources.reason });
    gallery.push({ referenceId, sources: sources.sources });
  }
  if (gallery.length === 0) warnings.push("gallery.referenceIds: empty (MOSIP drops entries it failed to build)");

  const additional =
    wire.addtional !== undefined && wire.addtional !== null
      ? readAdditional(wire.addtional, "addtional", warnings)
      : readAdditional(galleryWire.addtional, "gallery.addtional", warnings);

  return { ok: true, request: { kind, id: MANUAL_ADJUDICATION_ID, ...common, gallery, additional } };
}

/** `referenceURLs` (proposed real array) wins over `referenceURL` when both are non-null. */
function readSources(
  holder: Record<string, unknown>,
  prefix: string,
): { ok: true; sources: ReferenceSource[] } | { ok: false; code: RequestErrorCode; reason: string } {
  const hasPlural = holder.referenceURLs !== undefined && holder.referenceURLs !== null;
  if (!hasPlural && !("referenceURL" in holder) && !("referenceURLs" in holder)) {
    return { ok: false, code: "MISSING_FIELD", reason: `${prefix}referenceURL: required (null is allowed)` };
  }
  const field = hasPlural ? "referenceURLs" : "referenceURL";
  const r = parseReferenceUrl(holder[field], `${prefix}${field}`);
  if (r.ok) return r;
  const code: RequestErrorCode = r.code === "INVALID_JSON" ? "INVALID_VALUE" : r.code;
  return { ok: false, code, reason: r.reason };
}

function readAdditional(v: unknown, path: string, warnings: string[]): AbisAdditional[] | null {
  const r = AdditionalWireSchema.safeParse(v);
  if (!r.success) {
    warnings.push(`${path}: unexpected shape; ignored`);
    return null;
  }
  return r.data ? r.data.map((a) => ({ abisId: a.abisId ?? null, response: a.response ?? null })) : null;
}

function describeIssues(issues: z.core.$ZodIssue[], input: unknown): { code: RequestErrorCode; reason: string } {
  const issue = issues[0];
  const path = formatPath(issue.path);
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? "s" : ""})` : "";
  if (issue.code === "invalid_type") {
    const actual = valueAt(input, issue.path);
    if (actual === undefined || actual === null) {
      return { code: "MISSING_FIELD", reason: `${path}: required${more}` };
    }
    return { code: "WRONG_TYPE", reason: `${path}: expected ${issue.expected}, got ${describeType(actual)}${more}` };
  }
  return { code: "INVALID_VALUE", reason: `${path}: ${issue.message}${more}` };
}

/** ["gallery","referenceIds",1,"referenceId"] -> "gallery.referenceIds[1].referenceId" */
function formatPath(path: PropertyKey[]): string {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else out += out === "" ? String(p) : `.${String(p)}`;
  }
  return out === "" ? "message" : out;
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let cur: unknown = input;
  for (const p of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[p];
  }
  return cur;
}
