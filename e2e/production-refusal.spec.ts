import { test, expect } from "@playwright/test";
import { spawn } from "node:child_process";

function startServer(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", "3109"], {
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "/root",
        NEXT_TELEMETRY_DISABLED: "1",
        MAS_DATA_DIR: ".test-work/e2e-refusal",
        ...env,
      } as unknown as NodeJS.ProcessEnv,
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d));
    child.stderr.on("data", (d: Buffer) => (output += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

test("in production the server refuses to start without AUTH_SECRET and an admin password, and says what to set", async () => {
  const { code, output } = await startServer({ NODE_ENV: "production" });
  expect(code).toBe(1);
  expect(output).toContain("AUTH_SECRET is required in production");
  expect(output).toContain("MAS_ADMIN_PASSWORD is required in production");
  expect(output).toContain("NEXTAUTH_URL must be the https:// address officers use in production");
});

test("a wrong value stops start-up with a message naming the variable", async () => {
  const { code, output } = await startServer({ MAS_DEPLOYMENT: "development", DATABASE_URL: "mysql://db/mas" });
  expect(code).toBe(1);
  expect(output).toContain("DATABASE_URL must be a PostgreSQL URL");
});
