import { spawn } from "node:child_process";
import { mkdirSync, openSync, rmSync, writeFileSync, readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { changeOwnPasswordViaApi } from "./session";
import { freePort } from "../../scripts/lib/postgres.mjs";
import { EMBEDDED_PORT, EMBEDDED_URL, PG_PORT, PG_URL } from "./ports";
import {
  EMBEDDED_DATA_DIR,
  identityRecordFile,
  SERVERS_FILE,
  truthRecordFile,
  type IdpAccount,
  type OidcInfo,
  type ServerInfo,
} from "./servers";

const NEXT = "node_modules/next/dist/bin/next";

// A production server answers in seconds on a quiet machine; the ceiling is for a loaded one.
async function waitFor(url: string, log: string, ms = 180_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server at ${url} did not become healthy; its log:\n${readFileSync(log, "utf8").slice(-4000)}`);
}

/**
 * Starts the test's own OpenID Connect provider on a free loopback port, with the IdP accounts the specs use:
 * one named like the local admin (who must not become that admin) and one whose roles a spec changes.
 */
async function startOidcProvider(localAdmin: string): Promise<OidcInfo & { env: Record<string, string> }> {
  const port = (await freePort()) as number;
  const issuer = `http://127.0.0.1:${port}`;
  const client = {
    id: "mas-e2e",
    secret: randomBytes(24).toString("base64url"),
    redirectUri: `${PG_URL}/api/auth/callback/oidc`,
  };
  const accountsFile = ".test-work/e2e-oidc-accounts.json";
  const accounts: Record<string, IdpAccount> = {
    [localAdmin]: { sub: `idp-${randomBytes(6).toString("hex")}`, username: localAdmin, roles: ["OPERATOR"] },
    rotating: { sub: `idp-${randomBytes(6).toString("hex")}`, username: "rotating", roles: ["OPERATOR", "SUPERVISOR"] },
  };
  writeFileSync(accountsFile, JSON.stringify(accounts, null, 2));
  writeFileSync(".test-work/e2e-oidc-config.json", JSON.stringify({ port, client, accountsFile }));
  const log = ".test-work/e2e-oidc.log";
  const child = spawn(process.execPath, ["e2e/support/oidc-provider.mjs", ".test-work/e2e-oidc-config.json"], {
    stdio: ["ignore", openSync(log, "w"), openSync(log, "a")],
    detached: true,
  });
  child.unref();
  await waitFor(`${issuer}/.well-known/openid-configuration`, log);
  const name = "Test IdP";
  return {
    pid: child.pid!,
    issuer,
    name,
    accountsFile,
    env: { MAS_OIDC_ISSUER: issuer, MAS_OIDC_CLIENT_ID: client.id, MAS_OIDC_CLIENT_SECRET: client.secret, MAS_OIDC_NAME: name },
  };
}

function start(name: string, port: number, env: Record<string, string>) {
  const log = `.test-work/e2e-${name}.log`;
  const fd = openSync(log, "w");
  // Every identity the simulator invents, for the PII scan at teardown (e2e/support/pii-scan.ts).
  const identities = identityRecordFile(name);
  rmSync(identities, { force: true });
  // Which simulated candidates are the applicant, for specs that check the comparison aid against the truth.
  const truth = truthRecordFile(name);
  rmSync(truth, { force: true });
  const child = spawn(process.execPath, [NEXT, "start", "-p", String(port)], {
    // Tests create the cases they need through the simulator API and place them with reassignment,
    // so nothing is fed or handed out behind their backs.
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      MAS_DEPLOYMENT: "development",
      NEXTAUTH_URL: `http://localhost:${port}`,
      PORT: String(port),
      MAS_SIMULATOR_ADJUDICATIONS: "0",
      MAS_SIMULATOR_VERIFICATIONS: "0",
      MAS_AUTO_ASSIGN_SECONDS: "0",
      NEXT_MANUAL_SIG_HANDLE: "true",
      // Every test signs in from 127.0.0.1: wrong passwords on purpose across the suite must not throttle that address.
      MAS_SIGNIN_ADDRESS_LIMIT: "1000",
      MAS_SIMULATOR_RECORD_FILE: identities,
      MAS_SIMULATOR_TRUTH_FILE: truth,
      ...env,
    },
    stdio: ["ignore", fd, fd],
    detached: true,
  });
  child.unref();
  return { pid: child.pid!, log };
}

export default async function globalSetup() {
  const pgServer = process.env.TEST_PG_URL;
  if (!pgServer) throw new Error("TEST_PG_URL is not set: run the e2e tests through `npm test`");
  mkdirSync(".test-work", { recursive: true });

  const dbName = `e2e_${randomBytes(4).toString("hex")}`;
  const c = new pg.Client({ connectionString: `${pgServer}/postgres` });
  await c.connect();
  await c.query(`CREATE DATABASE "${dbName}"`);
  await c.end();

  const admin = { username: "chief", password: randomBytes(12).toString("base64url") };
  const pgDir = ".test-work/e2e-pg-data";
  const embeddedDir = EMBEDDED_DATA_DIR;
  rmSync(pgDir, { recursive: true, force: true });
  rmSync(embeddedDir, { recursive: true, force: true });
  const secret = randomBytes(32).toString("base64url");
  const { env: oidcEnv, ...oidc } = await startOidcProvider(admin.username);

  const a = start("postgresql", PG_PORT, {
    DATABASE_URL: `${pgServer}/${dbName}`,
    MAS_DATA_DIR: pgDir,
    MAS_ADMIN_USERNAME: admin.username,
    MAS_ADMIN_PASSWORD: admin.password,
    AUTH_SECRET: secret,
    // Printed at the head of the monthly quality report (e2e/quality.spec.ts).
    MAS_PROGRAMME_NAME: "E2E Identity Programme",
    ...oidcEnv,
  });
  // The embedded server's tests ask for no simulated cases: no stock to synthesise while the other tests run.
  const b = start("embedded", EMBEDDED_PORT, { MAS_DATA_DIR: embeddedDir, MAS_SIMULATOR_STOCK: "0" });
  let chosenPassword: string;
  try {
    await Promise.all([waitFor(`${PG_URL}/api/health`, a.log), waitFor(`${EMBEDDED_URL}/api/health`, b.log)]);
    // The first admin's password came from MAS_ADMIN_PASSWORD, so the admin must choose another at first sign-in:
    // done once here, and the specs sign in with the admin's own password.
    chosenPassword = await changeOwnPasswordViaApi(PG_URL, admin);
  } catch (e) {
    // No servers file is written then, so teardown cannot find the provider: stop it here.
    process.kill(-oidc.pid, "SIGTERM");
    throw e;
  }

  // The embedded server prints its demo users' passwords once, at first start: read them from its log (JSON
  // lines, the text in "msg").
  const demoLine = readFileSync(b.log, "utf8").match(/"msg":"\[mas\]\s+admin\s+(\S+)/);
  if (!demoLine) throw new Error(`the embedded server printed no demo admin password:\n${readFileSync(b.log, "utf8")}`);
  const chosen = { ...admin, password: chosenPassword };
  const info: Record<string, ServerInfo | OidcInfo> = {
    postgresql: { baseURL: PG_URL, admin: chosen, pid: a.pid, databaseUrl: `${pgServer}/${dbName}` },
    embedded: { baseURL: EMBEDDED_URL, admin: { username: "admin", password: demoLine[1] }, pid: b.pid },
    oidc,
  };
  writeFileSync(SERVERS_FILE, JSON.stringify(info, null, 2));
}
