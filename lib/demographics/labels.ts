/**
 * Field labels and order from a MOSIP ID schema. Two shapes occur:
 *  - the identity JSON Schema (draft-07): properties.identity.properties.<field>,
 *    where a property may carry a `title` (a string) and `$ref`s to
 *    #/definitions/documentType or biometricsType;
 *  - the UI / masterdata schema: an array of { id, label: { eng: "...", ara: "..." }, type },
 *    bare or under `schema` (or `identitySchema.schema`).
 * Anything else is ignored: labels then fall back to the humanised key.
 */

export type SchemaFieldKind = "text" | "document" | "biometric";

export interface SchemaField {
  key: string;
  /** Label per language ("eng", "ara", ...); "" for a language-less JSON Schema title. */
  labels: Record<string, string>;
  kind: SchemaFieldKind | null;
}

export interface SchemaIndex {
  /** Fields in schema order. */
  fields: SchemaField[];
  byKey: Map<string, SchemaField>;
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function kindFromType(text: unknown): SchemaFieldKind | null {
  if (typeof text !== "string") return null;
  const t = text.toLowerCase();
  if (t.includes("documenttype")) return "document";
  if (t.includes("biometricstype")) return "biometric";
  return null;
}

function fromJsonSchema(schema: Json): SchemaField[] | null {
  const identity = isObject(schema.properties) ? schema.properties.identity : undefined;
  const props =
    isObject(identity) && isObject(identity.properties) ? identity.properties : isObject(schema.properties) ? schema.properties : null;
  if (!props) return null;
  return Object.entries(props).map(([key, def]) => {
    const d = isObject(def) ? def : {};
    const labels: Record<string, string> = {};
    if (typeof d.title === "string" && d.title.trim()) labels[""] = d.title.trim();
    else if (isObject(d.title)) Object.assign(labels, stringEntries(d.title));
    return { key, labels, kind: kindFromType(d.$ref) ?? kindFromType(d.type) };
  });
}

function fromUiSchema(items: unknown[]): SchemaField[] {
  const out: SchemaField[] = [];
  for (const item of items) {
    if (!isObject(item) || typeof item.id !== "string") continue;
    const labels = isObject(item.label) ? stringEntries(item.label) : typeof item.label === "string" ? { "": item.label } : {};
    out.push({
      key: item.id,
      labels,
      kind: kindFromType(item.type) ?? kindFromType(item.controlType === "fileupload" ? "documentType" : null),
    });
  }
  return out;
}

function stringEntries(o: Json): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(o)) if (typeof v === "string" && v.trim()) out[k] = v.trim();
  return out;
}

/** Indexes whatever schema shape was given; an unrecognised schema yields an empty index. */
export function indexSchema(schema: unknown): SchemaIndex {
  let fields: SchemaField[] = [];
  if (Array.isArray(schema)) fields = fromUiSchema(schema);
  else if (isObject(schema)) {
    const nested = isObject(schema.identitySchema) ? schema.identitySchema.schema : schema.schema;
    fields = Array.isArray(nested) ? fromUiSchema(nested) : (fromJsonSchema(schema) ?? []);
  }
  const byKey = new Map<string, SchemaField>();
  for (const f of fields) if (!byKey.has(f.key)) byKey.set(f.key, f);
  return { fields: [...byKey.values()], byKey };
}

export function schemaLabel(field: SchemaField | undefined, preferredLanguages: readonly string[]): string | null {
  if (!field) return null;
  for (const lang of [...preferredLanguages, ""]) if (field.labels[lang]) return field.labels[lang];
  return Object.values(field.labels)[0] ?? null;
}

const WORD = /[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+/g;

/** "dateOfBirth" -> "Date of birth", "IDSchemaVersion" -> "ID schema version", "address_line1" -> "Address line 1". */
export function humaniseKey(key: string): string {
  const words = key.match(WORD);
  if (!words) return key;
  const text = words.map((w) => (w.length > 1 && w === w.toUpperCase() ? w : w.toLowerCase())).join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}
