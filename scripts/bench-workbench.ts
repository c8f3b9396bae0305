// npm run bench:workbench [-- N]: the officer's wait from pressing "Next case" to every thumbnail of the applicant
// and the first candidate painted, over N cases (default 20) at each of 1366x768 and 1920x1080, in Debian's
// Chromium against a production build on the embedded database with the built-in MOSIP. One run measures, beside
// each other:
// - "prefetched": first open of a case the server prepared ahead (MAS_PREFETCH_CASES at its default: opening a
//   case prepares the next one while the officer reads this one; the bench waits, as an officer reading would,
//   until the server's prefetch queue is empty, at most PREFETCH_WAIT_MS, and reports how long that took);
// - "truly cold": first open with prefetch off (MAS_PREFETCH_CASES=0, a second server on a fresh data directory):
//   datashares decrypted and thumbnails decoded after "Next case";
// - "reopen": the same case opened again (per-case cache), from the prefetched run.
// Each run waits, before measuring, until the server has scored every case (comparison aid) and is quiet, and each
// open starts from a queue page that has finished loading: the officer's steady state, not the intake burst.
// Beside the figures: the targets, the load average (os.loadavg) and the server's CPU time per case.
// Times are the browser's own: from the click's event (first open) or the navigation's start (reopen) to the first
// frame after every thumbnail has decoded.
// Needs a build (`npm start`, `npm test` or `npm run build` makes one). BENCH_PORT sets the port (default 3190).
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium, type Page, request } from "@playwright/test";

const N = Number(process.argv[2] ?? 20);
const PORT = Number(process.env.BENCH_PORT ?? 3190);
const BASE = `http://localhost:${PORT}`;
const PREFETCH_WAIT_MS = 15_000;
const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];
const TARGETS = { prefetched: 500, cold: 1200, reopen: 300 };
const admin = { username: "bench-admin", password: "initial-password-1" };
// What each account chooses at its first sign-in (a password may not contain the username).
const CHOSEN = "chosen-password-1";

type Mode = "prefetched" | "cold";
interface Sample {
  first: number;
  reopen: number;
  prefetchWait: number;
}
interface RunResult {
  samples: Map<string, Sample[]>;
  cpuSecondsPerCase: number;
  load: [number, number];
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

/** User + system CPU seconds of a process and all its threads (the worker pools run in it). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function waitHealthy() {
  for (let i = 0; i < 480; i++) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("server did not start");
}

/**
 * Every thumbnail of the grid (applicant + first candidate) decoded, then the next frame: painted. Checked on every
 * animation frame; returns the page's own clock (performance.now(): milliseconds since this document's navigation
 * started) at that frame, so the figure holds no Playwright overhead.
 */
async function thumbnailsPainted(page: Page): Promise<number> {
  await page.waitForFunction(
    () => {
      const imgs = [...document.querySelectorAll("[data-testid=biometric-grid] img")] as HTMLImageElement[];
      return imgs.length >= 20 && imgs.every((i) => i.complete && i.naturalWidth > 0);
    },
    null,
    { timeout: 120_000, polling: "raf" },
  );
  return page.evaluate(() => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now()))));
}

/** Records, in the page's clock, when the officer's next click reaches the page (read by clickedAt). */
async function armClickClock(page: Page): Promise<void> {
  await page.evaluate(() =>
    document.addEventListener("click", (e) => Object.assign(window, { benchClickAt: e.timeStamp }), { capture: true, once: true }),
  );
}

async function clickedAt(page: Page): Promise<number> {
  const at = await page.evaluate(() => (window as unknown as { benchClickAt?: number }).benchClickAt);
  if (typeof at !== "number") throw new Error('"Next case" loaded a new document: the click and the paint are not on one clock');
  return at;
}

/**
 * Waits until the server has finished its background work (the comparison aid scores every new case, a few
 * seconds of CPU each): an officer opens cases that arrived minutes ago, not ones still being scored. Quiet means
 * the server used under 10% of a core over three successive seconds; returns the time waited.
 */
async function serverQuiet(pid: number): Promise<number> {
  const start = Date.now();
  let quietSeconds = 0;
  while (quietSeconds < 3 && Date.now() - start < 600_000) {
    const before = cpuSeconds(pid);
    await new Promise((r) => setTimeout(r, 1000));
    quietSeconds = cpuSeconds(pid) - before < 0.1 ? quietSeconds + 1 : 0;
  }
  return Date.now() - start;
}

/** Waits until the server's prefetch queue is empty (mas_prefetch_pending 0); returns the time waited. */
async function prefetchSettled(): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < PREFETCH_WAIT_MS) {
    const text = await (await fetch(`${BASE}/api/metrics`)).text();
    const pending = Number(/^mas_prefetch_pending (\S+)$/m.exec(text)?.[1] ?? 0);
    if (pending === 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return Date.now() - start;
}

function startServer(dir: string, mode: Mode): ChildProcess {
  // The server's own output, for when it fails (the data directory goes at the end, this file stays).
  const out = openSync(join(tmpdir(), `mas-bench-server-${mode}.log`), "w");
  return spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(PORT)], {
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      MAS_DEPLOYMENT: "development",
      NEXTAUTH_URL: BASE,
      MAS_DATA_DIR: dir,
      MAS_ADMIN_USERNAME: admin.username,
      MAS_ADMIN_PASSWORD: admin.password,
      MAS_SIMULATOR_ADJUDICATIONS: "0",
      MAS_SIMULATOR_VERIFICATIONS: "0",
      MAS_AUTO_ASSIGN_SECONDS: "0",
      MAS_METRICS_OPEN: "true",
      MAS_PREFETCH_CASES: mode === "cold" ? "0" : "2",
    },
    stdio: ["ignore", out, out],
  });
}

async function run(browser: Browser, mode: Mode): Promise<RunResult> {
  const dir = mkdtempSync(join(tmpdir(), "mas-bench-"));
  const server = startServer(dir, mode);
  try {
    await waitHealthy();
    // Every account an admin set a password for (the first admin included) chooses its own before anything else.
    const signIn = async (username: string, password: string) => {
      const ctx = await request.newContext({ baseURL: BASE, timeout: 180_000 });
      const { csrfToken } = await (await ctx.get("/api/auth/csrf")).json();
      await ctx.post("/api/auth/callback/credentials", { form: { csrfToken, username, password, json: "true" } });
      const changed = await ctx.post("/api/account/password", { data: { currentPassword: password, newPassword: CHOSEN } });
      if (!changed.ok()) throw new Error(`${username}: password change failed: ${changed.status()} ${await changed.text()}`);
      return ctx;
    };
    const api = await signIn(admin.username, admin.password);
    for (const [username, roles] of [
      ["bench-op", ["OPERATOR"]],
      ["bench-sup", ["SUPERVISOR"]],
    ] as const) {
      const r = await api.post("/api/admin/users", { data: { username, password: "initial-password-1", roles } });
      if (!r.ok()) throw new Error(`creating ${username}: ${r.status()} ${await r.text()}`);
    }
    const sup = await signIn("bench-sup", "initial-password-1");
    await (await signIn("bench-op", "initial-password-1")).dispose();
    // One case to warm the server up (routes, JIT, worker threads), not counted; then N per viewport.
    const total = 1 + N * VIEWPORTS.length;
    const t0 = Date.now();
    for (let left = total; left > 0; left -= 50) {
      await api.post("/api/simulator/requests", { data: { adjudications: Math.min(50, left), verifications: 0 } });
    }
    for (;;) {
      const listed = await sup.get("/api/cases?scope=all&state=READY&limit=500");
      if (!listed.ok()) throw new Error(`listing cases: ${listed.status()} ${await listed.text()}`);
      if ((await listed.json()).cases.length >= total) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    console.log(`[${mode}] ${total} simulated cases ready for review in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const scored = await serverQuiet(server.pid as number);
    console.log(`[${mode}] the server's background work (comparison aid) finished ${(scored / 1000).toFixed(1)} s later`);

    const page = await browser.newPage({ viewport: VIEWPORTS[0] });
    // A loaded machine makes sign-in (password hashing) and first compiles slow: generous step timeouts.
    page.setDefaultTimeout(180_000);
    await page.goto(`${BASE}/signin`);
    await page.getByLabel("Username").fill("bench-op");
    await page.getByLabel("Password").fill(CHOSEN);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/queue/);
    const samples = new Map<string, Sample[]>();
    const openOne = async (): Promise<Sample> => {
      // The officer presses "Next case" on a queue page that has loaded, not while its own requests are running.
      await page.goto(`${BASE}/queue`, { waitUntil: "networkidle" });
      await armClickClock(page);
      await page.getByTestId("next-case").click();
      await page.waitForURL(/\/cases\//);
      // "Next case" keeps the document (client-side navigation): click and paint are on one clock.
      const first = Math.round((await thumbnailsPainted(page)) - (await clickedAt(page)));
      const caseUrl = page.url();
      // The officer reads the case; meanwhile the server prepares the next one (prefetched run only).
      const prefetchWait = await prefetchSettled();
      await page.goto(`${BASE}/queue`, { waitUntil: "networkidle" });
      await page.goto(caseUrl);
      // A new document: its clock starts when the navigation does.
      const reopen = Math.round(await thumbnailsPainted(page));
      const id = caseUrl.split("/").pop();
      const r = await page.request.post(`${BASE}/api/cases/${id}/decision`, { data: { cannotAdjudicate: true, comment: "benchmark" } });
      if (!r.ok()) throw new Error(`decision failed: ${r.status()} ${await r.text()}`);
      return { first, reopen, prefetchWait };
    };
    await openOne();
    const load1 = loadavg()[0];
    const cpu0 = cpuSeconds(server.pid as number);
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport);
      const key = `${viewport.width}x${viewport.height}`;
      const xs: Sample[] = [];
      for (let i = 0; i < N; i++) xs.push(await openOne());
      samples.set(key, xs);
    }
    const cpuSecondsPerCase = (cpuSeconds(server.pid as number) - cpu0) / (N * VIEWPORTS.length);
    await page.close();
    return { samples, cpuSecondsPerCase, load: [load1, loadavg()[0]] };
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 1500));
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  try {
    const cold = await run(browser, "cold");
    const prefetched = await run(browser, "prefetched");
    const cell = (xs: number[], target: number) => {
      const p95 = pct(xs, 95);
      return `p50 ${String(pct(xs, 50)).padStart(5)} ms  p95 ${String(p95).padStart(5)} ms  (target p95 <= ${target} ms: ${p95 <= target ? "met" : "NOT met"})`;
    };
    console.log(
      `\n"Next case" (or reopening) to every thumbnail of the applicant and the first candidate painted, ${N} cases per viewport:`,
    );
    for (const viewport of VIEWPORTS) {
      const key = `${viewport.width}x${viewport.height}`;
      const p = prefetched.samples.get(key) as Sample[];
      const c = cold.samples.get(key) as Sample[];
      console.log(`\n${key}`);
      console.log(
        `  prefetched first open  ${cell(
          p.map((s) => s.first),
          TARGETS.prefetched,
        )}`,
      );
      console.log(
        `  truly cold first open  ${cell(
          c.map((s) => s.first),
          TARGETS.cold,
        )}`,
      );
      console.log(
        `  reopen                 ${cell(
          p.map((s) => s.reopen),
          TARGETS.reopen,
        )}`,
      );
      console.log(
        `  (prefetch finished after the first open within p50 ${pct(
          p.map((s) => s.prefetchWait),
          50,
        )} ms, max ${Math.max(...p.map((s) => s.prefetchWait))} ms)`,
      );
    }
    const fmt = (r: RunResult) =>
      `load average (1 min) ${r.load[0].toFixed(1)} at start, ${r.load[1].toFixed(1)} at end; server CPU ${r.cpuSecondsPerCase.toFixed(2)} s per case`;
    console.log(`\ntruly cold run: ${fmt(cold)}`);
    console.log(`prefetched run: ${fmt(prefetched)}`);
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
