import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { test } from "node:test";
import ts from "typescript";

// Every word an officer reads comes from messages/*.json. This fails on words written into a page or component:
// JSX text, visible attributes (title, aria-label, placeholder, alt, label...), the labels and headers of
// objects a component renders, and string literals shown as JSX children.

const ROOTS = ["app", "components"];

/** Files not converted yet. Keep it short and say so in the report; empty when everything speaks through messages. */
const NOT_YET_CONVERTED: string[] = [];

/** Literals that are data, not language, each with why. */
const NOT_LANGUAGE = new Set([
  // The audit log filter's example: the start of an action name as stored ("user.create").
  "user.",
]);

const VISIBLE_ATTRIBUTES = new Set([
  "title",
  "aria-label",
  "aria-description",
  "aria-placeholder",
  "aria-roledescription",
  "aria-valuetext",
  "placeholder",
  "alt",
  "label",
  "header",
  "caption",
  "empty",
  "summary",
]);
/** Object properties a component renders as text (DataTable columns, navigation links, chart items). */
const VISIBLE_PROPERTIES = new Set(["label", "header", "title", "placeholder", "empty", "caption", "description", "hint", "text"]);

/** Language is two letters in a row; punctuation, numbers, single keys ("D", "J / →") and symbols are not. */
export function isLanguage(text: string): boolean {
  return /\p{L}{2,}/u.test(text);
}

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== "api") files(p, out);
    } else if (name.endsWith(".tsx")) out.push(p);
  }
  return out;
}

/** Whether a string literal is what an expression shows, rather than a key, a class name or an argument. */
function isShown(node: ts.Node): boolean {
  const parent = node.parent;
  if (ts.isParenthesizedExpression(parent)) return isShown(parent);
  if (ts.isConditionalExpression(parent)) return parent.condition !== node && isShown(parent);
  if (ts.isBinaryExpression(parent)) {
    const op = parent.operatorToken.kind;
    const shortCircuit =
      op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken;
    return shortCircuit && parent.right === node && isShown(parent);
  }
  if (ts.isJsxExpression(parent)) {
    const holder = parent.parent;
    if (ts.isJsxAttribute(holder)) return VISIBLE_ATTRIBUTES.has(holder.name.getText());
    return ts.isJsxElement(holder) || ts.isJsxFragment(holder);
  }
  if (ts.isJsxAttribute(parent)) return VISIBLE_ATTRIBUTES.has(parent.name.getText());
  if (ts.isPropertyAssignment(parent)) return parent.initializer === node && VISIBLE_PROPERTIES.has(parent.name.getText());
  return false;
}

function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(" ");
  return null;
}

/** Each UI string written outside the messages in this source, as "file:line: text". */
export function findUiStrings(fileName: string, source: string): string[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
    found.push(`${fileName}:${line}: ${JSON.stringify(text.trim().slice(0, 60))}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      if (isLanguage(node.text)) report(node, node.text);
    } else {
      const text = literalText(node);
      if (text !== null && isLanguage(text) && !NOT_LANGUAGE.has(text) && isShown(node)) report(node, text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

test("no UI string is written outside the messages in app/ and components/", () => {
  const all = ROOTS.flatMap((r) => files(join(process.cwd(), r))).map((f) => relative(process.cwd(), f));
  const found = all.filter((f) => !NOT_YET_CONVERTED.includes(f)).flatMap((f) => findUiStrings(f, readFileSync(f, "utf8")));
  assert.deepEqual(found, [], "write these through next-intl (messages/*.json) instead");
  for (const f of NOT_YET_CONVERTED) {
    assert.ok(all.includes(f), `${f} is in NOT_YET_CONVERTED but no longer exists`);
    assert.notDeepEqual(
      findUiStrings(f, readFileSync(f, "utf8")),
      [],
      `${f} speaks through the messages now: remove it from NOT_YET_CONVERTED`,
    );
  }
});

test("the scan finds text, visible attributes, column headers and shown literals, and leaves keys and classes alone", () => {
  const source = `
    export function A({ ok }: { ok: boolean }) {
      const cols = [{ header: "Kind", cell: () => t("x") }];
      return (
        <div className="flex gap-2" data-testid="queue-table" title="Open the case">
          Next case
          <input placeholder={"Search"} aria-label={t("search")} />
          {ok ? "Saved" : t("notSaved")}
          {ok && \`Sent \${1}\`}
          <kbd>D</kbd> <kbd>J / →</kbd> {" · "} {x === "ADJUDICATION" ? t("a") : null}
        </div>
      );
    }`;
  const lines = findUiStrings("a.tsx", source).map((l) => l.replace(/^a\.tsx:\d+: /, ""));
  assert.deepEqual(lines, ['"Kind"', '"Open the case"', '"Next case"', '"Search"', '"Saved"', '"Sent"']);
});
