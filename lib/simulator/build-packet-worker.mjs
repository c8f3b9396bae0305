// Builds packet-worker.generated.mjs: the synthesis worker (packet-worker-entry.ts and everything it imports from
// lib/) bundled into one plain ES module that a worker thread can load on plain Node. Skips the work when the
// bundle already matches its sources, so callers run it unconditionally (prepare, start, test).
//
//   node lib/simulator/build-packet-worker.mjs [--force]
import { renameSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { packetWorkerBanner, packetWorkerPaths, packetWorkerStatus, sourcesHash } from "./packet-worker-bundle.mjs";

const SIMULATOR_DIR = dirname(fileURLToPath(import.meta.url));

export async function buildPacketWorker({ force = false, simulatorDir = SIMULATOR_DIR } = {}) {
  const { bundle, root } = packetWorkerPaths(simulatorDir);
  if (!force && packetWorkerStatus(simulatorDir) === "fresh") return { built: false, path: bundle };
  // esbuild comes with tsx (a dev dependency): needed to build, never at run time.
  const { build } = await import("esbuild");
  const result = await build({
    entryPoints: [join(simulatorDir, "packet-worker-entry.ts")],
    absWorkingDir: root,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    write: false,
    metafile: true,
    legalComments: "none",
    // Native: loaded from node_modules at run time, as the app itself does (next.config.ts serverExternalPackages).
    external: ["sharp"],
    logLevel: "silent",
  });
  const files = Object.keys(result.metafile.inputs)
    .map((f) => relative(root, resolve(root, f)).split("\\").join("/"))
    .filter((f) => !f.startsWith("node_modules/"))
    .sort();
  const banner = packetWorkerBanner(sourcesHash(root, files), files);
  // Write-then-rename so a worker starting meanwhile never reads half a file.
  const temp = `${bundle}.${process.pid}.tmp`;
  writeFileSync(temp, Buffer.concat([Buffer.from(banner, "utf8"), result.outputFiles[0].contents]));
  renameSync(temp, bundle);
  return { built: true, path: bundle };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { built, path } = await buildPacketWorker({ force: process.argv.includes("--force") });
  console.log(built ? `[simulator] built ${path}` : `[simulator] up to date: ${path}`);
}
