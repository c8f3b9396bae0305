// Installs the npm dependencies when they are missing or package-lock.json changed since the last install.
// Uses only Node built-ins: it runs before anything is installed.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { spawnSync } from "node:child_process";

const STAMP = "node_modules/.cache/mas/lock-hash";

export function ensureNpmInstall() {
  const lock = existsSync("package-lock.json") ? readFileSync("package-lock.json") : readFileSync("package.json");
  const hash = createHash("sha256").update(lock).digest("hex");
  if (existsSync("node_modules/.package-lock.json") && existsSync(STAMP) && readFileSync(STAMP, "utf8") === hash) return;
  // Not `npm ci`: the lock written here omits other platforms' optional packages, which `npm ci` then
  // reports as out of sync. `npm install` still follows the lock for every version it holds.
  const cmd = ["install", "--no-audit", "--no-fund"];
  console.log(`[setup] npm ${cmd[0]} …`);
  const r = spawnSync("npm", cmd, { stdio: "inherit", env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1" } });
  if (r.status !== 0) throw new Error(`npm ${cmd[0]} failed (exit ${r.status})`);
  mkdirSync("node_modules/.cache/mas", { recursive: true });
  writeFileSync(STAMP, hash);
}
