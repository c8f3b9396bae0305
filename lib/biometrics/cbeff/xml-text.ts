/**
 * Helpers over fast-xml-parser's object output. Entity processing is turned
 * off in the parser (no DTD expansion), so the five predefined XML entities
 * and numeric character references are decoded here, in one pass, which also
 * means "&amp;lt;" correctly becomes "&lt;" and not "<".
 */

export type XmlNode = Record<string, unknown>;

const PREDEFINED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function decodeXmlEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);/g, (whole, name: string) => {
    if (name[0] !== "#") return PREDEFINED[name];
    const code = name[1] === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

export function isNode(value: unknown): value is XmlNode {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** Child elements by local name, case-insensitively (MOSIP writes both <Others> and <others>). */
export function children(node: unknown, name: string): unknown[] {
  if (!isNode(node)) return [];
  const wanted = name.toLowerCase();
  const out: unknown[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key.toLowerCase() === wanted) out.push(...asArray(value));
  }
  return out;
}

export function child(node: unknown, name: string): unknown {
  return children(node, name)[0];
}

/** Text content of an element (or "" if it has none), entities decoded and trimmed. */
export function textOf(value: unknown): string {
  if (typeof value === "string") return decodeXmlEntities(value).trim();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (isNode(value) && "#text" in value) return textOf(value["#text"]);
  return "";
}

export function attribute(node: unknown, name: string): string | null {
  if (!isNode(node)) return null;
  const value = node[`@_${name}`];
  return typeof value === "string" ? decodeXmlEntities(value) : null;
}

/** Text of the element at a path of child names, or null when any step is missing. */
export function textAt(node: unknown, ...path: string[]): string | null {
  let current: unknown = node;
  for (const step of path) {
    current = child(current, step);
    if (current === undefined) return null;
  }
  return textOf(current);
}
