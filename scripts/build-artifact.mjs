// `npm run build:artifact`: the production artifact in dist/mas, which runs without the source tree, without
// devDependencies and without network, started by `node start.mjs` (docs/deployment.md; the Dockerfile copies it).
// It is Next's standalone output (server.js and the node_modules the server uses, traced by Next, with the worker
// files and migrations of next.config.ts outputFileTracingIncludes) plus what Next leaves to the deployer: the
// static assets and public/. The build itself is the one `npm start` and the e2e tests use (scripts/lib/ensure-build.mjs).
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const ARTIFACT_DIR = join(ROOT, "dist", "mas");

export async function buildArtifact({ out = ARTIFACT_DIR } = {}) {
  process.chdir(ROOT);
  await import("./prepare.mjs");
  (await import("./lib/ensure-build.mjs")).ensureBuild();
  const standalone = join(ROOT, ".next", "standalone");
  if (!existsSync(join(standalone, "server.js")))
    throw new Error('next build made no .next/standalone/server.js: is output "standalone" set in next.config.ts?');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(dirname(out), { recursive: true });
  cpSync(standalone, out, { recursive: true, verbatimSymlinks: true });
  cpSync(join(ROOT, ".next", "static"), join(out, ".next", "static"), { recursive: true });
  cpSync(join(ROOT, "public"), join(out, "public"), { recursive: true });
  cpSync(join(ROOT, "scripts", "artifact", "start.mjs"), join(out, "start.mjs"));
  // Next copies the project's package.json; the artifact's own says only how to start it.
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
  const own = { name: pkg.name, version: pkg.version, private: true, engines: pkg.engines, scripts: { start: "node start.mjs" } };
  writeFileSync(join(out, "package.json"), `${JSON.stringify(own, null, 2)}\n`);
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  buildArtifact()
    .then((out) => console.log(`[artifact] ${out}: start it with \`node start.mjs\` (docs/deployment.md)`))
    .catch((e) => {
      console.error(`[artifact] ${e.message}`);
      process.exit(1);
    });
}
