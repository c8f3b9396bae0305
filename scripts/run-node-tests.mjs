// Runs the node:test suites in one group: "unit" (lib/**/*.test.ts and scripts/**/*.test.ts, no services)
// or "integration" (test/integration/**/*.test.ts, real PostgreSQL / ActiveMQ).
// react-server condition: lets lib modules that `import "server-only"` load under node:test.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const group = process.argv[2] ?? "unit";
const roots = { unit: ["lib", "scripts"], integration: ["test/integration"] }[group];
if (!roots) {
  console.error(`unknown test group "${group}": use unit or integration`);
  process.exit(2);
}
const only = process.argv.slice(3);

function walk(dir, out) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    if (name === "node_modules" || name === "generated") continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name.endsWith(".test.ts")) out.push(p);
  }
  return out;
}
let files = roots.flatMap((r) => walk(r, [])).sort();
if (only.length) files = files.filter((f) => only.some((o) => f.includes(o)));
if (files.length === 0) {
  console.error(`no ${group} test files found`);
  process.exit(1);
}
const args = ["--conditions=react-server", "--import", "tsx", "--test", "--test-concurrency=1", ...files];
if (group === "unit") args.splice(args.indexOf("--test-concurrency=1"), 1);
const r = spawnSync(process.execPath, args, { stdio: "inherit", env: process.env });
process.exit(r.status ?? 1);
