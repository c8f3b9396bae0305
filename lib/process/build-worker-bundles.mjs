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

/**
 * face-api's ES module imports the whole of TensorFlow.js (`@tensorflow/tfjs`, layers, converter, data, WebGL)
 * by deep paths; the model needs only tfjs-core and the WebAssembly backend. So these exact import paths are
 * redirected (null: an empty module), and the ES builds of the TensorFlow.js packages are chosen over their
 * CommonJS node builds so that face-api, the backend and the worker share one tfjs-core.
 */
const FACE_API_IMPORTS = {
  redirect: {
    "@tensorflow/tfjs/dist/index.js": "@tensorflow/tfjs-core",
    "@tensorflow/tfjs-backend-webgl/dist/index.js": null,
    "@tensorflow/tfjs-backend-wasm/dist/index.js": "@tensorflow/tfjs-backend-wasm",
  },
  mainFields: ["module", "main"],
  // TensorFlow.js's CommonJS parts (the emscripten loader, node-fetch) call require() for Node's own modules.
  requireShim: true,
};

/** Project-relative entry and output of every bundle (with, for one, the import redirections it needs). */
export const WORKER_BUNDLES = [
  { entry: "lib/biometrics/wsq/decode-wsq.ts", bundle: "lib/biometrics/image/wsq-decoder.generated.mjs" },
  { entry: "lib/simulator/packet-worker-entry.ts", bundle: "lib/simulator/packet-worker.generated.mjs" },
  { entry: "lib/cases/subject-worker-entry.ts", bundle: "lib/cases/subject-worker.generated.mjs" },
  { entry: "lib/matching/finger-worker-entry.ts", bundle: "lib/matching/finger-worker.generated.mjs" },
  { entry: "lib/matching/face-worker-entry.ts", bundle: "lib/matching/face-worker.generated.mjs", ...FACE_API_IMPORTS },
];

// Native: loaded from node_modules at run time, as the app itself does (next.config.ts serverExternalPackages).
const EXTERNAL = ["sharp"];

/** An esbuild plugin resolving the exact import paths of `redirect` to another package, or to nothing (null). */
function redirectImports(redirect) {
  const quote = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  const filter = new RegExp(`^(${Object.keys(redirect).map(quote).join("|")})$`);
  return {
    name: "redirect-imports",
    setup(build) {
      build.onResolve({ filter }, async (args) => {
        const target = redirect[args.path];
        if (target === null) return { path: args.path, namespace: "empty-module" };
        return build.resolve(target, { kind: args.kind, resolveDir: args.resolveDir });
      });
      build.onLoad({ filter: /.*/, namespace: "empty-module" }, () => ({ contents: "export {};", loader: "js" }));
    },
  };
}

/** require() and __dirname, which CommonJS code expects and an ES module lacks (the bundle's own folder). */
const REQUIRE_SHIM = [
  'import { createRequire as __masCreateRequire } from "node:module";',
  'import { dirname as __masDirname } from "node:path";',
  'import { fileURLToPath as __masFileURLToPath } from "node:url";',
  "const require = __masCreateRequire(import.meta.url);",
  "const __dirname = __masDirname(__masFileURLToPath(import.meta.url));",
].join(" ");

export async function buildWorkerBundle({ entry, bundle, redirect, mainFields, requireShim }, { force = false, root = ROOT } = {}) {
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
    ...(mainFields ? { mainFields } : {}),
    plugins: redirect ? [redirectImports(redirect)] : [],
    ...(requireShim ? { banner: { js: REQUIRE_SHIM } } : {}),
    // Server modules mark themselves with `import "server-only"`, which throws outside this condition.
    conditions: ["react-server"],
    logLevel: "silent",
  });
  const files = Object.keys(result.metafile.inputs)
    .map((f) => relative(root, resolve(root, f)).split("\\").join("/"))
    // Packages and virtual modules (an empty one stands for a redirected import) are not project sources.
    .filter((f) => !f.startsWith("node_modules/") && !f.includes(":"))
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
