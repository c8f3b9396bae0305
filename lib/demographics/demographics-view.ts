import { normaliseIdentity, type IdentityValue } from "@/lib/mosip/identity";
import { humaniseKey, indexSchema, schemaLabel, type SchemaFieldKind } from "./labels";
import { textDirection, type TextDirection } from "./text-direction";

export interface DemographicValue {
  /** ISO 639 code as sent ("eng", "ara"); null for a value without a language. */
  language: string | null;
  text: string;
  dir: TextDirection;
}

export interface DemographicField {
  key: string;
  label: string;
  /** Empty when the identity has the field but no value (null / ""). */
  values: DemographicValue[];
}

/** A document or biometric the identity points to ({format, type, value}); shown as a reference, never as text. */
export interface ReferenceField {
  key: string;
  label: string;
  kind: "document" | "biometric";
  format: string | null;
  /** Document type ("Passport") when given. */
  type: string | null;
  /** The reference name (e.g. "POA_Passport"), which keys the `documents` map or the CBEFF. */
  value: string | null;
}

export interface DemographicsView {
  fields: DemographicField[];
  references: ReferenceField[];
  /** Every language present, in order of first appearance. */
  languages: string[];
}

export interface DemographicsOptions {
  /** MOSIP ID schema (JSON Schema or UI schema) for labels and order. */
  schema?: unknown;
  /** Label languages to prefer, e.g. the officer's UI language; default ["eng"]. */
  labelLanguages?: readonly string[];
}

type NormalisedIdentity = Record<string, IdentityValue>;

/**
 * Demographics for display from an identity already normalised by
 * lib/mosip/identity.ts. Schema fields come first in schema order, then every
 * other field in the identity's own order, so nothing sent is hidden.
 */
export function buildDemographics(identity: NormalisedIdentity | null, options: DemographicsOptions = {}): DemographicsView {
  const schema = indexSchema(options.schema);
  const labelLanguages = options.labelLanguages ?? ["eng"];
  const present = identity ?? {};
  const keys = [...schema.fields.map((f) => f.key).filter((k) => Object.hasOwn(present, k))];
  for (const k of Object.keys(present)) if (!schema.byKey.has(k)) keys.push(k);

  const fields: DemographicField[] = [];
  const references: ReferenceField[] = [];
  const languages: string[] = [];
  for (const key of keys) {
    const def = schema.byKey.get(key);
    const label = schemaLabel(def, labelLanguages) ?? humaniseKey(key);
    const value = present[key];
    const reference = asReference(key, label, value, def?.kind ?? null);
    if (reference) {
      references.push(reference);
      continue;
    }
    const values = toValues(value);
    for (const v of values) if (v.language !== null && !languages.includes(v.language)) languages.push(v.language);
    fields.push({ key, label, values });
  }
  return { fields, references, languages };
}

/**
 * Same, from the raw decrypted identity (datashare strings, idrepo JSON-quoted
 * strings or a packet ID.json, with or without its {"identity": ...} wrapper).
 */
export function demographicsFromRawIdentity(raw: unknown, options: DemographicsOptions = {}): DemographicsView {
  const unwrapped =
    raw !== null && typeof raw === "object" && !Array.isArray(raw) && Object.keys(raw).length === 1 && "identity" in raw
      ? (raw as { identity: unknown }).identity
      : raw;
  return buildDemographics(normaliseIdentity(unwrapped), options);
}

function toValues(value: IdentityValue): DemographicValue[] {
  if (value === null) return [];
  if (value.kind === "text") {
    return value.value.trim() === "" ? [] : [{ language: null, text: value.value, dir: textDirection(value.value) }];
  }
  if (value.kind === "multilang") {
    return value.values
      .filter((v) => v.value.trim() !== "")
      .map((v) => ({ language: v.language, text: v.value, dir: textDirection(v.value, v.language) }));
  }
  // Structured values that are not references are still shown, as compact JSON.
  const text = JSON.stringify(value.value) ?? "";
  return text === "" ? [] : [{ language: null, text, dir: "ltr" }];
}

function asReference(key: string, label: string, value: IdentityValue, schemaKind: SchemaFieldKind | null): ReferenceField | null {
  if (value === null || value.kind !== "json") {
    // A document field the schema declares but the identity left empty is still a reference slot, not text.
    if (value === null && (schemaKind === "document" || schemaKind === "biometric")) {
      return { key, label, kind: schemaKind, format: null, type: null, value: null };
    }
    return null;
  }
  const v = value.value;
  if (v === null || typeof v !== "object" || Array.isArray(v)) return null;
  const o = v as Record<string, unknown>;
  const looksLikeReference = typeof o.format === "string" && ("value" in o || "fileReference" in o);
  if (!looksLikeReference && schemaKind !== "document" && schemaKind !== "biometric") return null;
  const format = typeof o.format === "string" ? o.format : null;
  const kind =
    schemaKind === "document" || schemaKind === "biometric"
      ? schemaKind
      : format?.toLowerCase() === "cbeff" || "version" in o
        ? "biometric"
        : "document";
  const ref = o.value ?? o.fileReference;
  return {
    key,
    label,
    kind,
    format,
    type: typeof o.type === "string" ? o.type : null,
    value: typeof ref === "string" ? ref : typeof ref === "number" ? String(ref) : null,
  };
}
