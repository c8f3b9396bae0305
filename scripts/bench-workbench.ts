// npm run bench:workbench [-- N]: the officer's wait from pressing "Next case" to every thumbnail of the
// applicant and the first candidate on screen, over N cases (default 20), in Debian's Chromium against a
// production build on the embedded database with the built-in MOSIP. "cold" = first open of a case (datashare
// decrypted, 26 images decoded in the worker pool); "warm" = the same case opened again (per-case cache).
// Needs a build (`npm start` or `npm test` makes one).
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, request, type Page } from "@playwright/test";

const N = Number(process.argv[2] ?? 20);
const PORT = 3190;
const BASE = `http://localhost:${PORT}`;
const admin = { username: "bench-admin", password: "bench-admin-password" };

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

async function waitHealthy() {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("server did not start");
}

async function thumbnailsShown(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const imgs = [...document.querySelectorAll("[data-testid=biometric-grid] img")] as HTMLImageElement[];
      return imgs.length >= 20 && imgs.every((i) => i.complete && i.naturalWidth > 0);
    },
    null,
    { timeout: 120_000, polling: 25 },
  );
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "mas-bench-"));
  const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(PORT)], {
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
    },
    stdio: "ignore",
  });
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  try {
    await waitHealthy();
    const api = await request.newContext({ baseURL: BASE });
    const { csrfToken } = await (await api.get("/api/auth/csrf")).json();
    await api.post("/api/auth/callback/credentials", { form: { csrfToken, ...admin, json: "true" } });
    await api.post("/api/admin/users", { data: { username: "bench-op", password: "bench-operator-pw", roles: ["OPERATOR"] } });
    await api.post("/api/admin/users", { data: { username: "bench-sup", password: "bench-supervisor-pw", roles: ["SUPERVISOR"] } });
    const sup = await request.newContext({ baseURL: BASE });
    const csrf2 = (await (await sup.get("/api/auth/csrf")).json()).csrfToken;
    await sup.post("/api/auth/callback/credentials", {
      form: { csrfToken: csrf2, username: "bench-sup", password: "bench-supervisor-pw", json: "true" },
    });
    const t0 = Date.now();
    await api.post("/api/simulator/requests", { data: { adjudications: N, verifications: 0 } });
    for (;;) {
      const cases = (await (await sup.get("/api/cases?scope=all&state=READY&limit=500")).json()).cases;
      if (cases.length >= N) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    console.log(`${N} simulated cases ready for review in ${((Date.now() - t0) / 1000).toFixed(1)} s (synthesis, encryption, download)`);

    const page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
    await page.goto(`${BASE}/signin`);
    await page.getByLabel("Username").fill("bench-op");
    await page.getByLabel("Password").fill("bench-operator-pw");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/queue/);
    const cold: number[] = [];
    const warm: number[] = [];
    for (let i = 0; i < N; i++) {
      await page.goto(`${BASE}/queue`);
      const start = Date.now();
      await page.getByTestId("next-case").click();
      await page.waitForURL(/\/cases\//);
      await thumbnailsShown(page);
      cold.push(Date.now() - start);
      const caseUrl = page.url();
      await page.goto(`${BASE}/queue`);
      const again = Date.now();
      await page.goto(caseUrl);
      await thumbnailsShown(page);
      warm.push(Date.now() - again);
      const id = caseUrl.split("/").pop();
      const r = await page.request.post(`${BASE}/api/cases/${id}/decision`, { data: { cannotAdjudicate: true, comment: "benchmark" } });
      if (!r.ok()) throw new Error(`decision failed: ${r.status()} ${await r.text()}`);
    }
    const row = (name: string, xs: number[]) =>
      console.log(
        `${name.padEnd(6)} p50 ${pct(xs, 50)} ms   p95 ${pct(xs, 95)} ms   min ${Math.min(...xs)} ms   max ${Math.max(...xs)} ms`,
      );
    console.log(`\n"Next case" (or reopening) to all thumbnails visible, ${N} cases, 1 applicant + 1 candidate on screen:`);
    row("cold", cold);
    row("warm", warm);
  } finally {
    await browser.close();
    server.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 1000));
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
