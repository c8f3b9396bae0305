import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { checkBoundaries, readLayers } from "./boundaries.mjs";

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "mas-boundaries-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const doc = "# Architecture\n\n```layers\nhttp\ncases users\ndb   # the bottom\n```\n";

test("the order is read from the layers block of docs/architecture.md", () => {
  assert.deepEqual(readLayers(doc), [["http"], ["cases", "users"], ["db"]]);
  const real = readLayers(readFileSync("docs/architecture.md", "utf8"));
  assert.equal(real[0][0], "http", "http is the top of lib/");
});

test("an import upwards, across one layer, or to an unplaced folder fails the check", async () => {
  const dir = project({
    "docs/architecture.md": doc,
    "lib/http/route.ts": 'import { load } from "../cases/load";\nexport const r = load;\n',
    "lib/cases/load.ts": 'import { q } from "../db/q";\nexport const load = q;\n',
    "lib/users/list.ts": 'import { load } from "../cases/load";\nexport const list = load;\n',
    "lib/db/q.ts": 'import { r } from "../http/route";\nexport const q = () => r;\n',
    "lib/extra/x.ts": "export const x = 1;\n",
  });
  try {
    const { problems } = await checkBoundaries(dir);
    const text = problems.join("\n");
    assert.match(text, /lib-order:db: lib\/db\/q\.ts → lib\/http\/route\.ts/, "db may not import http");
    assert.match(text, /lib-order:users: lib\/users\/list\.ts → lib\/cases\/load\.ts/, "folders on one line may not import each other");
    assert.match(text, /lib\/extra: not in the ```layers block/);
    assert.match(text, /no-circular/);
    assert.doesNotMatch(text, /lib-order:http/, "downward imports are allowed");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("downward imports only: the check passes", async () => {
  const dir = project({
    "docs/architecture.md": doc,
    "lib/http/route.ts": 'import { load } from "../cases/load";\nexport const r = load;\n',
    "lib/cases/load.ts": 'import { q } from "../db/q";\nexport const load = q;\n',
    "lib/db/q.ts": "export const q = () => 1;\n",
  });
  try {
    assert.deepEqual((await checkBoundaries(dir)).problems, []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
