import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, it } from "node:test";
import { bundleBanner, bundleStatus, sourcesHash } from "./worker-bundle.mjs";

const root = mkdtempSync(join(tmpdir(), "mas-worker-bundle-"));
after(() => rmSync(root, { recursive: true, force: true }));

it("is fresh with its sources, stale after an edit, and unverified where only shipped .mjs files remain (the artifact)", () => {
  mkdirSync(join(root, "lib", "x"), { recursive: true });
  const files = ["lib/process/serve-worker-jobs.mjs", "lib/x/entry.ts"];
  mkdirSync(join(root, "lib", "process"), { recursive: true });
  writeFileSync(join(root, files[0]), "export {};\n");
  writeFileSync(join(root, files[1]), "export const a = 1;\n");
  const bundle = join(root, "lib", "x", "x.generated.mjs");
  assert.equal(bundleStatus(bundle, root), "missing");
  writeFileSync(bundle, `${bundleBanner(sourcesHash(root, files)!, files, files[1])}export {};\n`);
  assert.equal(bundleStatus(bundle, root), "fresh");
  writeFileSync(join(root, files[0]), "export const changed = true;\n");
  assert.equal(bundleStatus(bundle, root), "stale");
  // The production artifact: the bundle and the runtime .mjs it also read, no TypeScript.
  rmSync(join(root, files[1]));
  assert.equal(bundleStatus(bundle, root), "unverified");
  writeFileSync(bundle, "export {};\n");
  assert.equal(bundleStatus(bundle, root), "stale");
});
