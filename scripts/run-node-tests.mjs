// Runs the node:test suites in one group: "unit" (lib/**/*.test.ts and scripts/**/*.test.ts, no services)
// or "integration" (test/integration/**/*.test.ts, real PostgreSQL / ActiveMQ).
// react-server condition: lets lib modules that `import "server-only"` load under node:test.
import { spawn, spawnSync } from "node:child_process";
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
if (group === "unit") {
  const r = spawnSync(process.execPath, [...base, ...files], { stdio: "inherit", env: process.env });
  process.exit(r.status ?? 1);
}

// Integration files run one at a time (they time heart-beats, stalls and kills on two shared cores), except these,
// which spend their minutes waiting on a clock, need no broker and have a database of their own: they run in a
// second process beside the others, their output printed when they end.
const ALONGSIDE = ["test/integration/datashare-outage.test.ts"]; // 2 minutes of a real outage, almost no CPU
const alongside = files.filter((f) => ALONGSIDE.includes(f.replaceAll("\\", "/")));
const sequential = files.filter((f) => !alongside.includes(f));
const side = alongside.length
  ? new Promise((resolve) => {
      const child = spawn(process.execPath, [...base, ...alongside], { stdio: ["ignore", "pipe", "pipe"], env: process.env });
      const out = [];
      child.stdout.on("data", (d) => out.push(d));
      child.stderr.on("data", (d) => out.push(d));
      child.on("close", (code) => resolve({ code, out: Buffer.concat(out) }));
    })
  : Promise.resolve({ code: 0, out: Buffer.alloc(0) });
const main = sequential.length
  ? await new Promise((resolve) => {
      spawn(process.execPath, [...base, "--test-concurrency=1", ...sequential], { stdio: "inherit", env: process.env }).on(
        "close",
        resolve,
      );
    })
  : 0;
const { code, out } = await side;
if (alongside.length) {
  process.stdout.write(`\n# ── run alongside the others: ${alongside.join(", ")}\n`);
  process.stdout.write(out);
}
process.exit(main === 0 && code === 0 ? 0 : 1);
