import { defineConfig } from "@playwright/test";
import { EVENT_CEILING_MS, TEST_TIMEOUT_MS } from "./e2e/support/patience";
import { EMBEDDED_URL, PG_URL } from "./e2e/support/ports";

// Two servers, started by e2e/support/global-setup.ts from the production build:
// "postgresql" runs on the real PostgreSQL that scripts/test.mjs started; "embedded" on a fresh PGlite in demo mode.
const chromium = {
  executablePath: "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/support/global-setup.ts",
  globalTeardown: "./e2e/support/global-teardown.ts",
  // Above every wait ceiling (e2e/support/patience.ts), so a slow machine fails a helper's message, not the clock.
  timeout: TEST_TIMEOUT_MS,
  expect: { timeout: EVENT_CEILING_MS / 4 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  outputDir: ".test-work/playwright",
  use: { launchOptions: chromium, screenshot: "only-on-failure", trace: "retain-on-failure" },
  projects: [
    { name: "postgresql", use: { baseURL: PG_URL }, testIgnore: /demo\.spec\.ts/ },
    { name: "embedded", use: { baseURL: EMBEDDED_URL }, testMatch: /(demo|first-run)\.spec\.ts/ },
  ],
});
