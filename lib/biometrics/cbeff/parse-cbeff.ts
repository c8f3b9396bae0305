import { XMLParser, XMLValidator } from "fast-xml-parser";
import { CbeffError } from "./cbeff-error";
import { MAX_CBEFF_XML_BYTES } from "./limits";
import { normaliseSubtype, normaliseType } from "./subtype";
import { attribute, child, children, isNode, textAt, textOf, type XmlNode } from "./xml-text";

export { CbeffError } from "./cbeff-error";
export { decodeBiometricsField } from "./biometrics-field";
export { MAX_CBEFF_XML_BYTES } from "./limits";

/** One biometric (a leaf <BIR>) from a CBEFF document. */
export interface Bir {
  /** 0-based order of this BIR in the document. */
  index: number;
  /** <BDBInfo><Index> (a UUID) when present. */
  bdbIndex: string | null;
  /** First listed type, canonical for MOSIP's modalities: "Finger" | "Face" | "Iris" | "ExceptionPhoto" | other. */
  type: string;
  /** All listed types (CBEFF allows a space-separated list). */
  types: string[];
  /** Normalised subtype: "RIGHT_THUMB", "LEFT_INDEX", ..., "LEFT"/"RIGHT" for irises; null when empty (face). */
  subtype: string | null;
  /** Subtype exactly as written. */
  rawSubtype: string;
  format: { organization: string | null; type: string | null };
  /** <Quality><Score>; null when absent or not a number. */
  qualityScore: number | null;
  /** <BDBInfo><CreationDate> as written (ISO-8601, may carry nanoseconds). */
  creationDate: string | null;
  level: string | null;
  purpose: string | null;
  /** <Others> key/value pairs (both MOSIP layouts), later keys win. */
  others: Record<string, string>;
  /** True when Others marks the biometric as an exception (missing / not captured). */
  exception: boolean;
  /** Decoded <BDB> (an ISO 19794 record for MOSIP); null when absent or empty. */
  bdb: Buffer | null;
}

export interface CbeffDocument {
  birs: Bir[];
}

const FORBIDDEN_MARKUP = /<!DOCTYPE|<!ENTITY/i;
const BASE64_ANY = /^[A-Za-z0-9+/\-_]*={0,2}$/;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  // No entity or DTD processing at all; predefined entities are decoded by xml-text.
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  trimValues: true,
});

/**
 * Parses a MOSIP CBEFF XML document (ISO/IEC 19785-3 patron format, either
 * namespace) into one entry per biometric. Pure: no I/O, no image decoding.
 */
export function parseCbeff(xml: string | Buffer): CbeffDocument {
  const text = toText(xml);
  if (FORBIDDEN_MARKUP.test(text)) {
    throw new CbeffError("CBEFF XML must not contain <!DOCTYPE or <!ENTITY declarations (rejected for safety)");
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    throw new CbeffError(`CBEFF XML is not well-formed (line ${line}, column ${col}): ${msg}`);
  }
  let tree: XmlNode;
  try {
    tree = parser.parse(text) as XmlNode;
  } catch (error) {
    throw new CbeffError(`CBEFF XML could not be parsed: ${(error as Error).message}`, { cause: error });
  }
  const root = child(tree, "BIR");
  if (!isNode(root)) throw new CbeffError("CBEFF XML has no root <BIR> element");
  const leaves = collectLeafBirs(root);
  return { birs: leaves.map((bir, index) => readBir(bir, index)) };
}

function toText(xml: string | Buffer): string {
  const size = typeof xml === "string" ? Buffer.byteLength(xml, "utf8") : xml.length;
  if (size > MAX_CBEFF_XML_BYTES) {
    throw new CbeffError(`CBEFF XML is ${size} bytes, over the ${MAX_CBEFF_XML_BYTES}-byte limit`);
  }
  const text = typeof xml === "string" ? xml : xml.toString("utf8");
  if (text.trim().length === 0) throw new CbeffError("CBEFF XML is empty");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * MOSIP nests one BIR per biometric inside a wrapper BIR; a bare single BIR
 * (no children) is the biometric itself. Recursion depth is bounded by the
 * parser's nesting limit.
 */
function collectLeafBirs(bir: XmlNode): XmlNode[] {
  const nested = children(bir, "BIR").filter(isNode);
  if (nested.length === 0) return [bir];
  return nested.flatMap(collectLeafBirs);
}

function readBir(bir: XmlNode, index: number): Bir {
  const info = child(bir, "BDBInfo");
  const types = (textAt(info, "Type") ?? "").split(/\s+/).filter(Boolean).map(normaliseType);
  const rawSubtype = textAt(info, "Subtype") ?? "";
  const others = readOthers(bir);
  return {
    index,
    bdbIndex: nonEmpty(textAt(info, "Index")),
    type: types[0] ?? "Unknown",
    types,
    subtype: normaliseSubtype(rawSubtype),
    rawSubtype,
    format: {
      organization: nonEmpty(textAt(info, "Format", "Organization")),
      type: nonEmpty(textAt(info, "Format", "Type")),
    },
    qualityScore: toScore(textAt(info, "Quality", "Score")),
    creationDate: nonEmpty(textAt(info, "CreationDate")) ?? nonEmpty(textAt(child(bir, "BIRInfo"), "CreationDate")),
    level: nonEmpty(textAt(info, "Level")),
    purpose: nonEmpty(textAt(info, "Purpose")),
    others,
    exception: Object.entries(others).some(([k, v]) => k.toUpperCase() === "EXCEPTION" && v.toLowerCase() === "true"),
    bdb: readBdb(child(bir, "BDB"), index),
  };
}

/**
 * Two layouts exist: MOSIP's JAXB output (<Others><Key/><Value/></Others>,
 * repeated) and the XSD's (<others><entry key="...">value</entry></others>).
 */
function readOthers(bir: XmlNode): Record<string, string> {
  const entries: [string, string][] = [];
  for (const others of children(bir, "Others")) {
    const key = textAt(others, "Key");
    if (key) entries.push([key, textAt(others, "Value") ?? ""]);
    for (const entry of children(others, "entry")) {
      const entryKey = attribute(entry, "key");
      if (entryKey) entries.push([entryKey, textOf(entry)]);
    }
  }
  // fromEntries defines own properties, so a key such as "__proto__" stays data.
  return Object.fromEntries(entries);
}

function readBdb(node: unknown, index: number): Buffer | null {
  if (node === undefined) return null;
  const b64 = textOf(node).replace(/\s+/g, "");
  if (b64.length === 0) return null;
  if (!BASE64_ANY.test(b64) || b64.replace(/=+$/, "").length % 4 === 1) {
    throw new CbeffError(`BIR ${index + 1}: <BDB> is not valid base64`);
  }
  return Buffer.from(b64, "base64");
}

function toScore(text: string | null): number | null {
  if (text === null || text === "") return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

function nonEmpty(text: string | null): string | null {
  return text === null || text === "" ? null : text;
}
