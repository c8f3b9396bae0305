// Builds the Next.js app when its sources changed since the last build.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";

const SOURCES = [
  "app",
  "components",
  "lib",
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
