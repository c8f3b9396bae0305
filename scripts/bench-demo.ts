// npm run bench:demo [-- --baseline <dir>] [-- --log <file>]: how long a newcomer waits after `npm start` on a
// fresh clone. Starts the production build exactly as scripts/start.mjs does (default environment, embedded
// database, built-in MOSIP, a fresh data directory) and reports the time from the start to the server answering;
// then from the moment the server answers: signs in as the printed demo admin, asks the simulator for enough
// adjudications to make 20 cases with the start-up batch, and reports the time to the first case ready for review
// and to 20 (when the audit log says each case became READY), beside the targets, with the load average over the
// run (the machine may be shared: a figure means little without it). It also reports the CPU seconds the server
// used (all threads) to get there, which the load inflates far less: divided by the cores, a lower bound of the
// wall time on a free machine. --baseline <dir> first runs the same measurement in another checkout (built), so
// both figures come from one run on one machine; --log <file> keeps the server's log. Needs a build
// (`npm run build`). BENCH_DEMO_PORT moves the server off 3191.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { request } from "@playwright/test";
import { parseEnv } from "@/lib/env/env-schema";

const TARGET = 20;
const PORT = Number(process.env.BENCH_DEMO_PORT ?? 3191);
const BASE = `http://localhost:${PORT}`;
// A case has its data once it leaves these states (READY, or already assigned by the auto-assigner).
const WAITING_FOR_DATA = new Set(["RECEIVED", "FETCHING", "DATA_UNAVAILABLE"]);
const CEILING_MS = 15 * 60_000;

interface Figures {
  answeringS: number;
  firstReadyS: number;
  twentyReadyS: number;
  unavailable: number;
  /** CPU seconds of the server process (all its threads) from the spawn to answering, and on to the 20th READY. */
  bootCpuS: number | null;
  readyCpuS: number | null;
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);

async function measure(checkout: string): Promise<Figures> {
  const dataDir = mkdtempSync(join(tmpdir(), "mas-bench-demo-"));
  let log = "";
  const spawned = Date.now();
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
      NEXT_MANUAL_SIG_HANDLE: "true",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout.on("data", (d) => (log += d));
  server.stderr.on("data", (d) => (log += d));
  try {
    const t0 = await waitAnswering(() => log);
    const cpuAtAnswer = processCpuSeconds(server.pid);
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
      if (ready >= TARGET) {
        // When each case became READY, from the audit log (same clock, same machine): what the app did, not when
        // this loop, itself slowed by a loaded machine, happened to look.
        const cpuAtReady = processCpuSeconds(server.pid);
        const readyAt = await readyTimes(admin);
        if (readyAt.length < TARGET) throw new Error(`${ready} cases ready but ${readyAt.length} case.data_ready audit rows`);
        return {
          bootCpuS: cpuAtAnswer,
          // Up to the poll that saw the 20th case READY (at most one poll late), the poll itself included.
          readyCpuS: cpuAtAnswer !== null && cpuAtReady !== null ? cpuAtReady - cpuAtAnswer : null,
          answeringS: (t0 - spawned) / 1000,
          firstReadyS: (readyAt[0] - t0) / 1000,
          twentyReadyS: (readyAt[TARGET - 1] - t0) / 1000,
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
    const at = process.argv.indexOf("--log");
    if (at !== -1) writeFileSync(process.argv[at + 1], log);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/**
 * CPU seconds (user + system) the process and its descendants have used so far, all threads: on a shared machine
 * the wall-clock figures mostly measure the CPU share the run got, this one what the run needed. Linux only
 * (/proc); null elsewhere.
 */
function processCpuSeconds(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const stats = new Map<number, { ppid: number; ticks: number }>();
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        // Fields after the command name (which may hold spaces): state ppid ... utime(14) stime(15).
        const text = readFileSync(`/proc/${entry}/stat`, "utf8");
        const f = text.slice(text.lastIndexOf(")") + 2).split(" ");
        stats.set(Number(entry), { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) });
      } catch {
        /* the process ended meanwhile */
      }
    }
    const tree = new Set([pid]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const [p, st] of stats) {
        if (tree.has(p) || !tree.has(st.ppid)) continue;
        tree.add(p);
        grew = true;
      }
    }
    let ticks = 0;
    for (const p of tree) ticks += stats.get(p)?.ticks ?? 0;
    return ticks / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** Epoch ms of every case.data_ready audit row, earliest first. */
async function readyTimes(admin: Awaited<ReturnType<typeof request.newContext>>): Promise<number[]> {
  const res = await admin.get("/api/admin/audit?action=case.data_ready&limit=500", { timeout: 120_000 });
  if (!res.ok()) throw new Error(`GET /api/admin/audit: ${res.status()} ${await res.text()}`);
  const { events } = (await res.json()) as { events: { at: string }[] };
  return events.map((e) => Date.parse(e.at)).sort((a, b) => a - b);
}

async function waitAnswering(log: () => string): Promise<number> {
  // A loaded machine can take minutes to migrate a fresh database; the figure reports how long it took.
  const end = Date.now() + 600_000;
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
  const rows: [string, Figures, string][] = [];
  const run = async (name: string, checkout: string) => {
    const before = loadavg()[0];
    const f = await measure(checkout);
    rows.push([name, f, `${before.toFixed(1)} → ${loadavg()[0].toFixed(1)}`]);
  };
  if (at !== -1) await run(`baseline (${process.argv[at + 1]})`, resolve(process.argv[at + 1]));
  await run("this checkout", process.cwd());
  const s = (v: number) => `${v.toFixed(1)} s`.padStart(11);
  console.log(`\nFresh data directory, built-in MOSIP, default settings, ${TARGET} cases; READY times count from the server answering:`);
  console.log(`${"".padEnd(32)}  answering  first READY   ${TARGET} READY  unavailable  load average (1 min)`);
  for (const [name, f, load] of rows) {
    console.log(
      `${name.padEnd(32)} ${s(f.answeringS)} ${s(f.firstReadyS)} ${s(f.twentyReadyS)} ${String(f.unavailable).padStart(12)}  ${load} on ${availableParallelism()} cores`,
    );
  }
  console.log(`${"target".padEnd(32)} ${"".padStart(11)} ${s(30)} ${s(60)} ${"0".padStart(12)}`);
  console.log(`\nCPU of the server process, all threads (what the run needed, whatever the machine's load):`);
  console.log(
    `${"".padEnd(32)}  spawn → answering  answering → ${TARGET} READY  per case  ${TARGET} READY on ${availableParallelism()} free cores (CPU / cores)`,
  );
  for (const [name, f] of rows) {
    if (f.bootCpuS === null || f.readyCpuS === null) {
      console.log(`${name.padEnd(32)}  not measured (needs /proc)`);
      continue;
    }
    console.log(
      `${name.padEnd(32)} ${s(f.bootCpuS).padStart(18)} ${s(f.readyCpuS).padStart(22)} ${s(f.readyCpuS / TARGET).padStart(9)} ${s(f.readyCpuS / availableParallelism()).padStart(12)}`,
    );
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
