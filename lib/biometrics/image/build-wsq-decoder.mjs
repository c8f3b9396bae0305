// Builds wsq-decoder.generated.mjs: lib/biometrics/wsq (TypeScript) bundled
// into one plain ES module the decode worker can import on plain Node.
// Skips the work when the bundle already matches the sources, so callers can
// run it unconditionally (prepare, start, test).
//
//   node lib/biometrics/image/build-wsq-decoder.mjs [--force]
import { renameSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { wsqBundleBanner, wsqBundlePaths, wsqBundleStatus, wsqSourceHash } from "./wsq-decoder-bundle.mjs";

const IMAGE_DIR = dirname(fileURLToPath(import.meta.url));

export async function buildWsqDecoder({ force = false, imageDir = IMAGE_DIR } = {}) {
  const { bundle, sources } = wsqBundlePaths(imageDir);
  if (!force && wsqBundleStatus(imageDir) === "fresh") return { built: false, path: bundle };
  const hash = wsqSourceHash(sources);
  if (hash === null) throw new Error(`WSQ sources not found in ${sources}`);
  // esbuild comes with tsx (a dev dependency): needed to build, never at run time.
  const { build } = await import("esbuild");
  const projectRoot = resolve(imageDir, "..", "..", "..");
  const result = await build({
    entryPoints: [join(sources, "decode-wsq.ts")],
    absWorkingDir: projectRoot,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    write: false,
    legalComments: "none",
    banner: { js: wsqBundleBanner(hash) },
    logLevel: "silent",
  });
  // Write-then-rename so a worker starting meanwhile never reads half a file.
  const temp = `${bundle}.${process.pid}.tmp`;
  writeFileSync(temp, result.outputFiles[0].contents);
  renameSync(temp, bundle);
  return { built: true, path: bundle };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { built, path } = await buildWsqDecoder({ force: process.argv.includes("--force") });
  console.log(built ? `[wsq] built ${path}` : `[wsq] up to date: ${path}`);
}
