// Runs the node:test suites in one group: "unit" (lib/**/*.test.ts and scripts/**/*.test.ts, no services)
// or "integration" (test/integration/**/*.test.ts, real PostgreSQL / ActiveMQ).
// react-server condition: lets lib modules that `import "server-only"` load under node:test.
import { spawn } from "node:child_process";
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
const base = ["--conditions=react-server", "--import", "tsx", "--test"];

/** Runs node:test on `args` in a child process; its output goes to ours, or is kept and returned when `keep`. */
function runTests(args, keep = false) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...base, ...args], { stdio: keep ? ["ignore", "pipe", "pipe"] : "inherit", env: process.env });
    const out = [];
    if (keep) for (const stream of [child.stdout, child.stderr]) stream.on("data", (d) => out.push(d));
    child.on("close", (code) => resolve({ code, out: Buffer.concat(out) }));
  });
}

if (group === "unit") process.exit((await runTests(files)).code ?? 1);

// Integration files run one at a time (they time heart-beats, stalls and kills on two shared cores), except these,
// which spend their minutes waiting on a clock, need no broker and have a database of their own: they run in a
// second process beside the others, their output printed when they end.
const ALONGSIDE = ["test/integration/datashare-outage.test.ts"]; // 2 minutes of a real outage, almost no CPU
const alongside = files.filter((f) => ALONGSIDE.includes(f));
const sequential = files.filter((f) => !ALONGSIDE.includes(f));
const side = alongside.length ? runTests(alongside, true) : null;
// With no files, node --test would look for tests everywhere.
const main = sequential.length ? await runTests(["--test-concurrency=1", ...sequential]) : { code: 0 };
const beside = side ? await side : { code: 0 };
if (side) {
  process.stdout.write(`\n# ── run alongside the others: ${alongside.join(", ")}\n`);
  process.stdout.write(beside.out);
}
process.exit(main.code === 0 && beside.code === 0 ? 0 : 1);
