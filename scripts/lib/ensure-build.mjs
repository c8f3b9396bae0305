// Builds the Next.js app when its sources changed since the last build.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { spawnSync } from "node:child_process";

const SOURCES = [
  "app",
  "components",
  "lib",
  "i18n",
  "messages",
  "public",
  "prisma/schema.prisma",
  "next.config.ts",
  "postcss.config.mjs",
  "instrumentation.ts",
  "package-lock.json",
  "tsconfig.json",
];
const STAMP = ".next/mas-source-hash";

function walk(p, out) {
  if (!existsSync(p)) return;
  const s = statSync(p);
  if (s.isDirectory()) {
    for (const n of readdirSync(p).sort()) if (n !== "generated" && n !== "node_modules") walk(join(p, n), out);
  } else if (!p.endsWith(".test.ts")) out.push(p);
}

export function sourceHash() {
  const files = [];
  for (const s of SOURCES) walk(s, files);
  const h = createHash("sha256");
  for (const f of files) h.update(f).update(readFileSync(f));
  return h.digest("hex");
}

export function ensureBuild() {
  const hash = sourceHash();
  if (existsSync(".next/BUILD_ID") && existsSync(STAMP) && readFileSync(STAMP, "utf8") === hash) return;
  console.log("[setup] next build …");
  const r = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
  });
  if (r.status !== 0) throw new Error("next build failed");
  writeFileSync(STAMP, hash);
}

/**
 * Production runs what was built: nothing is installed or built at start. Throws, saying what to run, when the
 * dependencies or the build are missing or the build is older than the sources.
 */
export function requireBuild() {
  const how =
    "Build first with `npm run build` (it installs and builds), or deploy the artifact of `npm run build:artifact` (docs/deployment.md)";
  if (!existsSync("node_modules/next/package.json"))
    throw new Error(`NODE_ENV=production installs nothing and node_modules is missing. ${how}.`);
  if (!existsSync(".next/BUILD_ID")) throw new Error(`NODE_ENV=production builds nothing and there is no build (.next/BUILD_ID). ${how}.`);
  if (!existsSync(STAMP) || readFileSync(STAMP, "utf8") !== sourceHash())
    throw new Error(`NODE_ENV=production builds nothing and the build in .next is older than the sources. ${how}.`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) ensureBuild();
