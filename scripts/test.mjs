// `npm test`: installs what is missing, then runs every suite in order and stops at the first failure:
// format and lint, import boundaries, schema/migration agreement, type check, unit tests (with the Kubernetes
// manifests), integration tests against a real PostgreSQL (with the production artifact), and Playwright
// end-to-end tests in Debian's Chromium.
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { ensureNpmInstall } from "./lib/ensure-install.mjs";
import { debianKubectl, ensureSystemPackages } from "./lib/ensure-system.mjs";

const started = Date.now();
const only = process.argv[2]; // optional: unit | integration | e2e

function run(label, cmd, args, env = {}) {
  const t0 = Date.now();
  console.log(`\n[test] ── ${label}`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`[test] ${label} FAILED after ${secs}s (exit ${r.status ?? r.signal})`);
    return false;
  }
  console.log(`[test] ${label} passed in ${secs}s`);
  return true;
}

async function main() {
  ensureNpmInstall();
  ensureSystemPackages();
  mkdirSync(".test-work", { recursive: true });
  // For scripts/lib/kubernetes-manifests.test.ts: unpacked from Debian's package once, then reused.
  debianKubectl();
  const { prismaGenerate } = await import("./prisma-generate.mjs");
  prismaGenerate();
  // Worker threads load plain-JS bundles of TypeScript (lib/process/build-worker-bundles.mjs).
  const { buildWorkerBundles } = await import("../lib/process/build-worker-bundles.mjs");
  await buildWorkerBundles();
  const node = process.execPath;
  const want = (s) => !only || only === s;

  if (want("unit")) {
    if (!run("format and lint (Biome)", node, ["node_modules/@biomejs/biome/bin/biome", "ci", "--colors=off", "."])) return 1;
    if (!run("import boundaries (docs/architecture.md)", node, ["scripts/check-boundaries.mjs"])) return 1;
    if (!run("schema and migrations agree", node, ["--import", "tsx", "scripts/db-diff.ts", "--check"])) return 1;
    if (!run("type check", node, ["node_modules/typescript/bin/tsc", "--noEmit", "-p", "tsconfig.json"])) return 1;
    if (!run("unit tests", node, ["scripts/run-node-tests.mjs", "unit"])) return 1;
  }
  if (!want("integration") && !want("e2e")) return 0;

  const { startPostgres } = await import("./lib/postgres.mjs");
  const pg = await startPostgres(".test-work/pg");
  const TEST_PG_URL = `postgresql://postgres@127.0.0.1:${pg.port}`;
  try {
    if (
      want("integration") &&
      !run("integration tests (PostgreSQL, ActiveMQ)", node, ["scripts/run-node-tests.mjs", "integration"], { TEST_PG_URL })
    )
      return 1;
    if (want("e2e")) {
      const { ensureBuild } = await import("./lib/ensure-build.mjs");
      ensureBuild();
      if (
        !run("end-to-end tests (Chromium)", node, ["node_modules/@playwright/test/cli.js", "test"], {
          TEST_PG_URL,
          PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1",
        })
      )
        return 1;
    }
  } finally {
    pg.stop();
  }
  return 0;
}

main()
  .then((code) => {
    console.log(`\n[test] ${code === 0 ? "all suites passed" : "a suite failed"} in ${((Date.now() - started) / 1000).toFixed(0)}s`);
    process.exit(code);
  })
  .catch((e) => {
    console.error(`[test] ${e.stack ?? e}`);
    process.exit(1);
  });
