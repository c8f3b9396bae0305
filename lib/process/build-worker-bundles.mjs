// Builds the generated worker bundles: each entry (TypeScript, with everything it imports from lib/) bundled into
// one plain ES module that a worker thread loads from disk on plain Node, under `next start` (whose server code is
// bundled by Next and cannot start a worker from its own chunks), under tsx and in the CLI alike. Skips a bundle
// that already matches its sources (worker-bundle.mjs), so callers run it unconditionally (prepare, start, test).
// A new bundled worker is one line in WORKER_BUNDLES, plus its output in .gitignore, in next.config.ts
// outputFileTracingIncludes and in scripts/artifact/start.mjs.
//
//   node lib/process/build-worker-bundles.mjs [--force]
import { renameSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { bundleBanner, bundleStatus, sourcesHash } from "./worker-bundle.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Project-relative entry and output of every bundle. */
export const WORKER_BUNDLES = [
  { entry: "lib/biometrics/wsq/decode-wsq.ts", bundle: "lib/biometrics/image/wsq-decoder.generated.mjs" },
  { entry: "lib/simulator/packet-worker-entry.ts", bundle: "lib/simulator/packet-worker.generated.mjs" },
  { entry: "lib/cases/subject-worker-entry.ts", bundle: "lib/cases/subject-worker.generated.mjs" },
  { entry: "lib/matching/finger-worker-entry.ts", bundle: "lib/matching/finger-worker.generated.mjs" },
];

// Native: loaded from node_modules at run time, as the app itself does (next.config.ts serverExternalPackages).
const EXTERNAL = ["sharp"];

export async function buildWorkerBundle({ entry, bundle }, { force = false, root = ROOT } = {}) {
  const out = join(root, bundle);
  if (!force && bundleStatus(out, root) === "fresh") return { built: false, path: out };
  // esbuild comes with tsx (a dev dependency): needed to build, never at run time.
  const { build } = await import("esbuild");
  const result = await build({
    entryPoints: [join(root, entry)],
    absWorkingDir: root,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    write: false,
    metafile: true,
    legalComments: "none",
    external: EXTERNAL,
    // Server modules mark themselves with `import "server-only"`, which throws outside this condition.
    conditions: ["react-server"],
    logLevel: "silent",
  });
  const files = Object.keys(result.metafile.inputs)
    .map((f) => relative(root, resolve(root, f)).split("\\").join("/"))
    .filter((f) => !f.startsWith("node_modules/"))
    .sort();
  const banner = bundleBanner(sourcesHash(root, files), files, entry);
  // Write-then-rename so a worker starting meanwhile never reads half a file.
  const temp = `${out}.${process.pid}.tmp`;
  writeFileSync(temp, Buffer.concat([Buffer.from(banner, "utf8"), result.outputFiles[0].contents]));
  renameSync(temp, out);
  return { built: true, path: out };
}

/** Builds every bundle that is missing or older than its sources. */
export async function buildWorkerBundles({ force = false, root = ROOT } = {}) {
  const results = [];
  for (const spec of WORKER_BUNDLES) results.push(await buildWorkerBundle(spec, { force, root }));
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  for (const { built, path } of await buildWorkerBundles({ force: process.argv.includes("--force") })) {
    console.log(built ? `[workers] built ${path}` : `[workers] up to date: ${path}`);
  }
}
