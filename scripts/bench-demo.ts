// npm run bench:demo [-- --baseline <dir>]: how long a newcomer waits after `npm start` on a fresh clone.
// Starts the production build exactly as scripts/start.mjs does (default environment, embedded database, built-in
// MOSIP, a fresh data directory), then from the moment the server answers: signs in as the printed demo admin,
// asks the simulator for enough adjudications to make 20 cases with the start-up batch, and reports the time to
// the first case ready for review and to 20. --baseline <dir> first runs the same measurement in another checkout
// (e.g. the arch branch, built), so both figures come from one run on one machine. Needs a build.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { request } from "@playwright/test";
import { parseEnv } from "@/lib/env/env-schema";

const TARGET = 20;
const PORT = 3191;
const BASE = `http://localhost:${PORT}`;
// A case has its data once it leaves these states (READY, or already assigned by the auto-assigner).
const WAITING_FOR_DATA = new Set(["RECEIVED", "FETCHING", "DATA_UNAVAILABLE"]);
const CEILING_MS = 15 * 60_000;

interface Figures {
  firstReadyS: number;
  twentyReadyS: number;
  unavailable: number;
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);

async function measure(checkout: string): Promise<Figures> {
  const dataDir = mkdtempSync(join(tmpdir(), "mas-bench-demo-"));
  let log = "";
  const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(PORT)], {
    cwd: checkout,
    // What scripts/start.mjs passes, nothing more: the bench must see the defaults a newcomer gets.
    env: {
      ...process.env,
      PORT: String(PORT),
      NEXT_TELEMETRY_DISABLED: "1",
      MAS_DEPLOYMENT: "development",
      NEXTAUTH_URL: BASE,
      MAS_DATA_DIR: dataDir,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout.on("data", (d) => (log += d));
  server.stderr.on("data", (d) => (log += d));
  try {
    const t0 = await waitAnswering(() => log);
    const password = await waitFor(() => log.match(/"msg":"\[mas\]\s+admin\s+(\S+)/)?.[1], "the demo admin password in the server log");
    const admin = await request.newContext({ baseURL: BASE });
    await signIn(admin, "admin", password);
    await admin.post("/api/admin/users", { data: { username: "bench-sup", password: "bench-supervisor-pw", roles: ["SUPERVISOR"] } });
    const sup = await request.newContext({ baseURL: BASE });
    await signIn(sup, "bench-sup", "bench-supervisor-pw");
    // The start-up batch (MAS_SIMULATOR_ADJUDICATIONS + _VERIFICATIONS, default 4 + 1) is already on its way.
    const { simulator } = parseEnv({ ...process.env, MAS_DEPLOYMENT: "development" });
    const startup = simulator.adjudications + simulator.verifications;
    const more = Math.max(0, TARGET - startup);
    const add = await admin.post("/api/simulator/requests", { data: { adjudications: more, verifications: 0 } });
    if (add.status() !== 201) throw new Error(`POST /api/simulator/requests: ${add.status()} ${await add.text()}`);
    let first = 0;
    for (;;) {
      let cases: { state: string }[];
      try {
        // A generous timeout: a slow answer is part of what is measured, not a reason to give up.
        const res = await sup.get("/api/cases?scope=all&limit=500", { timeout: 120_000 });
        cases = (await res.json()).cases ?? [];
      } catch (e) {
        // A kept-alive socket the server closed just as it was reused: ask again.
        if ((e as { code?: string }).code !== "ECONNRESET") throw e;
        continue;
      }
      const ready = cases.filter((c) => !WAITING_FOR_DATA.has(c.state)).length;
      if (ready > 0 && first === 0) first = Date.now() - t0;
      if (ready >= TARGET) {
        return {
          firstReadyS: first / 1000,
          twentyReadyS: (Date.now() - t0) / 1000,
          unavailable: cases.filter((c) => c.state === "DATA_UNAVAILABLE").length,
        };
      }
      if (Date.now() - t0 > CEILING_MS) throw new Error(`only ${ready} of ${TARGET} cases ready after ${seconds(CEILING_MS)} s`);
      await new Promise((r) => setTimeout(r, 250));
    }
  } catch (e) {
    console.error(`server log (last lines):\n${log.slice(-4000)}`);
    throw e;
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function waitAnswering(log: () => string): Promise<number> {
  const end = Date.now() + 120_000;
  while (Date.now() < end) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return Date.now();
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not answer; its log:\n${log().slice(-3000)}`);
}

async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, what: string): Promise<T> {
  const end = Date.now() + 60_000;
  while (Date.now() < end) {
    const v = await probe();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function signIn(api: Awaited<ReturnType<typeof request.newContext>>, username: string, password: string) {
  const { csrfToken } = await (await api.get("/api/auth/csrf")).json();
  await api.post("/api/auth/callback/credentials", { form: { csrfToken, username, password, json: "true" } });
}

async function main() {
  const at = process.argv.indexOf("--baseline");
  const rows: [string, Figures][] = [];
  if (at !== -1) rows.push([`baseline (${process.argv[at + 1]})`, await measure(resolve(process.argv[at + 1]))]);
  rows.push(["this checkout", await measure(process.cwd())]);
  console.log(`\nAfter the server answers on a fresh data directory (built-in MOSIP, default settings, ${TARGET} cases):`);
  console.log(`${"".padEnd(40)} first READY   ${TARGET} READY   data unavailable`);
  for (const [name, f] of rows) {
    console.log(
      `${name.padEnd(40)} ${`${f.firstReadyS.toFixed(1)} s`.padStart(11)} ${`${f.twentyReadyS.toFixed(1)} s`.padStart(10)} ${String(f.unavailable).padStart(18)}`,
    );
  }
  console.log("targets: first READY within 30 s, 20 READY within 60 s");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
