import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { type MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { DEFAULT_UI_LANGUAGES, parseUiLanguages, tagOf } from "./ui-languages";

// Every language has every message, and each message takes the same arguments in every language: a missing key
// would show the key itself to an officer, a missing or renamed {argument} would drop a case id or a count.

const DIR = join(process.cwd(), "messages");
const REFERENCE = "eng";

type Tree = { [k: string]: string | Tree };

function flatten(tree: Tree, prefix = "", out = new Map<string, string>()): Map<string, string> {
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else flatten(v, key, out);
  }
  return out;
}

export function loadCatalogs(dir = DIR): Map<string, Map<string, string>> {
  const files = readdirSync(dir).filter((f) => f.endsWith(".json"));
  return new Map(files.map((f) => [f.slice(0, -".json".length), flatten(JSON.parse(readFileSync(join(dir, f), "utf8")) as Tree)]));
}

/**
 * The arguments and rich-text tags of a message, with what they take: "n:value" (shown as is, as a number or to
 * choose a plural form: a language may need plural forms where English needs none), "kind:select", "at:date",
 * "<permission>".
 */
export function signature(message: string): string[] {
  const found = new Set<string>();
  const walk = (els: MessageFormatElement[]) => {
    for (const el of els) {
      if (el.type === TYPE.tag) {
        found.add(`<${el.value}>`);
        walk(el.children);
      } else if (el.type === TYPE.select || el.type === TYPE.plural) {
        found.add(`${el.value}:${el.type === TYPE.select ? "select" : "value"}`);
        for (const o of Object.values(el.options)) walk(o.value);
      } else if (el.type === TYPE.argument || el.type === TYPE.number) {
        found.add(`${el.value}:value`);
      } else if (el.type === TYPE.date || el.type === TYPE.time) {
        found.add(`${el.value}:date`);
      }
    }
  };
  walk(parse(message));
  return [...found].sort();
}

/** Problems between the reference language and the others; empty when every catalog matches. */
export function compareCatalogs(catalogs: Map<string, Map<string, string>>, reference = REFERENCE): string[] {
  const ref = catalogs.get(reference);
  if (!ref) return [`messages/${reference}.json is missing`];
  const problems: string[] = [];
  for (const [language, messages] of catalogs) {
    for (const key of ref.keys()) if (!messages.has(key)) problems.push(`${language}: missing ${key}`);
    for (const key of messages.keys()) if (!ref.has(key)) problems.push(`${language}: ${key} is not in ${reference}`);
    for (const [key, text] of messages) {
      if (text.trim() === "") {
        problems.push(`${language}: ${key} is empty`);
        continue;
      }
      let sig: string[];
      try {
        sig = signature(text);
      } catch (e) {
        problems.push(`${language}: ${key} is not a valid ICU message (${(e as Error).message})`);
        continue;
      }
      const refText = ref.get(key);
      if (refText === undefined || language === reference) continue;
      const want = signature(refText);
      if (sig.join() !== want.join())
        problems.push(`${language}: ${key} takes {${sig.join(", ")}} but ${reference} takes {${want.join(", ")}}`);
    }
  }
  return problems;
}

test("every language has every message, with the same arguments", () => {
  assert.deepEqual(compareCatalogs(loadCatalogs()), []);
});

test("a message file is named by a known ISO 639-3 code, and the default MAS_UI_LANGUAGES all have one", () => {
  const catalogs = loadCatalogs();
  for (const code of catalogs.keys())
    assert.ok(tagOf(code), `messages/${code}.json: "${code}" is not an ISO 639-3 code the platform knows`);
  const defaults = parseUiLanguages(DEFAULT_UI_LANGUAGES);
  assert.ok("languages" in defaults);
  for (const code of defaults.languages)
    assert.ok(catalogs.has(code), `the default MAS_UI_LANGUAGES offers ${code} without messages/${code}.json`);
});

test("the check finds a missing key, an extra key and a changed argument", () => {
  const catalogs = new Map([
    [
      "eng",
      new Map([
        ["a", "Candidate {n}"],
        ["b", "{count} unassigned"],
        ["c", "x"],
        ["e", "<b>{kind, select, A {a} other {b}}</b>"],
      ]),
    ],
    [
      "fra",
      new Map([
        ["a", "Candidat {m}"],
        ["b", "{count, plural, one {# non attribué} other {# non attribués}}"],
        ["d", "y"],
        ["e", "{kind}"],
      ]),
    ],
  ]);
  assert.deepEqual(compareCatalogs(catalogs), [
    "fra: missing c",
    "fra: d is not in eng",
    "fra: a takes {m:value} but eng takes {n:value}",
    "fra: e takes {kind:value} but eng takes {<b>, kind:select}",
  ]);
});
