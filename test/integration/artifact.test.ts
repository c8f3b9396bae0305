// The production artifact (`npm run build:artifact`, dist/mas) runs as the Docker image runs it: copied out of the
// source tree, read-only, as another user (`mas`, created when running as root, as CI does), with the Dockerfile's
// ENV and writable state only in MAS_DATA_DIR and HOME. It must serve a simulated case with its images decoded
// (decode worker, WSQ bundle, sharp, synthesis worker, PGlite), decode JPEG 2000 in its own worker (OpenJPEG
// wasm), start in production on PostgreSQL and the broker applying every migration, and stop with a clear message
// when the build is missing. Afterwards the artifact is unchanged, and the Dockerfile copies that directory and
// nothing else into its runtime stage.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, chownSync, cpSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { request, type APIRequestContext, type APIResponse } from "@playwright/test";
import { freePort } from "../../scripts/lib/postgres.mjs";
import { type ActiveMqBroker, startActiveMq } from "../../scripts/lib/activemq.mjs";
import { HEALTH_PATHS } from "../../scripts/lib/kubernetes-manifests";
import { testPgServerUrl } from "./helpers/test-database";
import { writePartnerKeyFiles } from "./helpers/partner-key-files";

// The artifact is up when its readiness probe (the one Kubernetes uses) answers 200; the liveness probe the
// Dockerfile's HEALTHCHECK uses must answer too.
const PROBE_PATH = HEALTH_PATHS.ready;
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const DIST = join(ROOT, "dist", "mas");
// Simulated packets are synthesised on first request; a loaded machine takes minutes, a quiet one seconds.
const CASE_READY_CEILING_MS = 300_000;
const START_CEILING_MS = 180_000;

interface RunAs {
  uid: number | undefined;
  gid: number | undefined;
  name: string;
}

let work: string;
let app: string;
let runAs: RunAs;
let before_: Map<string, string>;
let broker: ActiveMqBroker | undefined;
const brokerDir = join(ROOT, ".test-work", `artifact-broker-${randomBytes(3).toString("hex")}`);
const children: ChildProcess[] = [];

/** Exactly these variables, nothing inherited from this process. */
const onlyEnv = (vars: Record<string, string | undefined>) => vars as NodeJS.ProcessEnv;

/** The user the image runs as: `mas` when this runs as root (created if missing), else the current user. */
function artifactUser(): RunAs {
  if (process.getuid?.() !== 0) return { uid: undefined, gid: undefined, name: "the current user" };
  if (spawnSync("id", ["-u", "mas"]).status !== 0) {
    const r = spawnSync("useradd", ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", "mas"], {
      encoding: "utf8",
    });
    assert.equal(r.status, 0, `useradd mas: ${r.stderr}`);
  }
  const id = (flag: string) => Number(spawnSync("id", [flag, "mas"], { encoding: "utf8" }).stdout.trim());
  return { uid: id("-u"), gid: id("-g"), name: "mas" };
}

/** A directory the artifact's user may write: its HOME or MAS_DATA_DIR. */
function writableDir(name: string): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  if (runAs.uid !== undefined) chownSync(dir, runAs.uid, runAs.gid!);
  return dir;
}

/** Key files readable by the artifact's user, as a Kubernetes Secret mounted for it would be. */
function ownedByArtifactUser<T extends Record<string, string>>(files: T): T {
  if (runAs.uid !== undefined) for (const f of Object.values(files)) chownSync(f, runAs.uid, runAs.gid!);
  return files;
}

/** Every file of the artifact with its size, mode and mtime: what must not change while it runs. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      const s = statSync(p, { throwIfNoEntry: false });
      out.set(relative(dir, p), s ? `${s.size}:${s.mode}:${s.mtimeMs}` : "dangling link");
      if (e.isDirectory()) walk(p);
    }
  };
  walk(dir);
  return out;
}

/** ENV of the Dockerfile's runtime stage: the environment the image gives the artifact. */
function dockerRuntime(): { env: Record<string, string>; lines: string[] } {
  const text = readFileSync(join(ROOT, "Dockerfile"), "utf8").replace(/\\\n/g, " ");
  const stages = text.split(/^FROM /m).slice(1);
  const runtime = stages.find((s) => / AS runtime\b/i.test(s.split("\n")[0]));
  assert.ok(runtime, "the Dockerfile has a stage named runtime");
  const lines = `FROM ${runtime}`
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));
  const env: Record<string, string> = {};
  for (const l of lines.filter((x) => x.startsWith("ENV "))) {
    for (const [, k, v] of l.slice(4).matchAll(/([A-Z_][A-Z0-9_]*)=(\S+)/g)) env[k] = v;
  }
  return { env, lines };
}

/** Starts the artifact the way the image's CMD does: `node start.mjs` in the application directory. */
function startArtifact(name: string, env: Record<string, string>): { log: string; child: ChildProcess } {
  const log = join(work, `${name}.log`);
  const fd = openSync(log, "w");
  const child = spawn(process.execPath, ["start.mjs"], {
    cwd: app,
    uid: runAs.uid,
    gid: runAs.gid,
    // Nothing from this process's environment but PATH: what the image sets, and what the test configures.
    env: onlyEnv({ PATH: process.env.PATH ?? "/usr/bin:/bin", ...dockerRuntime().env, ...env }),
    stdio: ["ignore", fd, fd],
  });
  children.push(child);
  return { log, child };
}

async function waitHealthy(base: string, log: string, child: ChildProcess): Promise<Record<string, unknown>> {
  const end = Date.now() + START_CEILING_MS;
  while (Date.now() < end) {
    if (child.exitCode !== null) break;
    try {
      const r = await fetch(`${base}${PROBE_PATH}`);
      if (r.ok) {
        assert.equal((await fetch(`${base}${HEALTH_PATHS.live}`)).status, 200, "the liveness probe answers once ready");
        return (await (await fetch(`${base}/api/health`)).json()) as Record<string, unknown>;
      }
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the artifact did not become healthy at ${base}${PROBE_PATH}; its log:\n${readFileSync(log, "utf8").slice(-4000)}`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
  await exited;
  clearTimeout(timer);
}

async function signedIn(base: string, username: string, password: string): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL: base });
  const { csrfToken } = await (await api.get("/api/auth/csrf")).json();
  await api.post("/api/auth/callback/credentials", { form: { csrfToken, username, password, json: "true" } });
  const session = await (await api.get("/api/auth/session")).json();
  assert.equal(session?.user?.username ?? session?.user?.name, username, `signed in as ${username}`);
  return api;
}

/** Every birIndex in a subject's view (its biometric grid), i.e. the images the workbench would load. */
function birIndexes(value: unknown, out = new Set<number>()): Set<number> {
  if (Array.isArray(value)) for (const v of value) birIndexes(v, out);
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if ((k === "birIndex" && typeof v === "number") || (k === "otherBirIndexes" && Array.isArray(v))) {
        for (const n of [v].flat()) out.add(n as number);
      } else birIndexes(v, out);
    }
  }
  return out;
}

before(async () => {
  const t0 = Date.now();
  // Reuses the build `npm start` and the e2e tests use when the sources did not change (scripts/lib/ensure-build.mjs).
  const r = spawnSync(process.execPath, ["scripts/build-artifact.mjs"], { cwd: ROOT, stdio: "inherit" });
  assert.equal(r.status, 0, "npm run build:artifact failed");
  console.log(`[artifact] built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  work = mkdtempSync(join(tmpdir(), "mas-artifact-"));
  chmodSync(work, 0o755);
  runAs = artifactUser();
  app = join(work, "app");
  cpSync(DIST, app, { recursive: true, verbatimSymlinks: true });
  assert.equal(spawnSync("chmod", ["-R", "a-w", app]).status, 0, "chmod -R a-w");
  before_ = snapshot(app);
});

after(async () => {
  for (const c of children) await stop(c);
  await broker?.stop();
  rmSync(brokerDir, { recursive: true, force: true });
  if (work) {
    spawnSync("chmod", ["-R", "u+w", work]);
    rmSync(work, { recursive: true, force: true });
  }
});

test("the artifact holds the server, its workers and migrations, and no source tree or dev dependency", () => {
  for (const p of [
    "start.mjs",
    "server.js",
    ".next/BUILD_ID",
    ".next/static",
    "public/robots.txt",
    "prisma/migrations/migration_lock.toml",
    "lib/biometrics/image/decode-worker.mjs",
    "lib/biometrics/image/wsq-decoder.generated.mjs",
    "lib/simulator/packet-worker.generated.mjs",
    "lib/cases/subject-worker.generated.mjs",
    "lib/process/serve-worker-jobs.mjs",
    "node_modules/sharp/package.json",
    "node_modules/@cornerstonejs/codec-openjpeg/dist/openjpegwasm_decode.wasm",
    "lib/matching/face-worker.generated.mjs",
    "node_modules/@vladmandic/face-api/model/face_recognition_model.bin",
    "node_modules/@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm",
  ]) {
    assert.ok(before_.has(p), `the artifact lacks ${p}`);
  }
  const migrations = readdirSync(join(ROOT, "prisma", "migrations")).sort();
  assert.deepEqual(readdirSync(join(app, "prisma", "migrations")).sort(), migrations);
  const sources = [...before_.keys()].filter((p) => !p.includes("node_modules/") && /\.(tsx?|md)$/.test(p));
  assert.deepEqual(sources, [], "TypeScript sources or docs were copied into the artifact");
  const buildScripts = [...before_.keys()].filter((p) => !p.includes("node_modules/") && /(^|\/)build-[^/]*\.mjs$/.test(p));
  assert.deepEqual(buildScripts, [], "the bundles' build scripts (they need esbuild, a dev dependency) were copied");
  for (const dir of [
    "app",
    "components",
    "docs",
    "e2e",
    "test",
    "scripts",
    "node_modules/typescript",
    "node_modules/esbuild",
    "node_modules/tsx",
  ]) {
    assert.ok(!before_.has(dir), `the artifact holds ${dir}`);
  }
  assert.deepEqual(Object.keys(JSON.parse(readFileSync(join(app, "package.json"), "utf8")).scripts), ["start"]);
});

test("a copy without the build stops at once and says how to build", () => {
  const empty = join(work, "no-build");
  mkdirSync(empty);
  cpSync(join(app, "start.mjs"), join(empty, "start.mjs"));
  const r = spawnSync(process.execPath, ["start.mjs"], {
    cwd: empty,
    encoding: "utf8",
    env: onlyEnv({ PATH: process.env.PATH, NODE_ENV: "production" }),
  });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /not a complete MAS build \(missing: server\.js, \.next\/BUILD_ID/);
  assert.match(r.stderr, /npm run build:artifact/);
});

test("npm start in production installs and builds nothing: without a build it stops and says how to make one", () => {
  const empty = join(work, "no-install");
  mkdirSync(empty);
  const r = spawnSync(process.execPath, [join(ROOT, "scripts", "start.mjs")], {
    cwd: empty,
    encoding: "utf8",
    env: onlyEnv({ PATH: process.env.PATH, NODE_ENV: "production" }),
  });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /NODE_ENV=production installs nothing and node_modules is missing\. Build first with `npm run build`/);
  assert.deepEqual(readdirSync(empty), [], "nothing was installed");
});

test("read-only, as another user, the artifact serves a simulated case and decodes its images in the workers", async () => {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const { log, child } = startArtifact("embedded", {
    PORT: String(port),
    NEXTAUTH_URL: base,
    HOME: writableDir("home-embedded"),
    MAS_DATA_DIR: writableDir("data-embedded"),
    NODE_ENV: "development",
    MAS_SIMULATOR_ADJUDICATIONS: "0",
    MAS_SIMULATOR_VERIFICATIONS: "0",
    MAS_SIMULATOR_STOCK: "0",
    MAS_AUTO_ASSIGN_SECONDS: "0",
  });
  await waitHealthy(base, log, child);
  // The log is JSON lines (lib/log): the demo users are in the messages.
  const messages = readFileSync(log, "utf8")
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => (JSON.parse(l) as { msg?: string }).msg ?? "")
    .join("\n");
  const users = [...messages.matchAll(/^\[mas\]\s+(\S+)\s+(\S+)\s+\(([^)]*)\)/gm)].map(([, username, password, roles]) => ({
    username,
    password,
    roles,
  }));
  const admin = users.find((u) => u.roles.includes("ADMIN"));
  const supervisor = users.find((u) => u.roles.includes("SUPERVISOR"));
  assert.ok(admin && supervisor, `demo users printed:\n${readFileSync(log, "utf8").slice(0, 2000)}`);
  const operate = await signedIn(base, admin.username, admin.password);
  const view = await signedIn(base, supervisor.username, supervisor.password);

  const res = await operate.post("/api/simulator/requests", { data: { adjudications: 1, verifications: 0, fingerCodec: "WSQ" } });
  assert.equal(res.status(), 201, await res.text());
  const end = Date.now() + CASE_READY_CEILING_MS;
  let ready: { id: string; state: string } | undefined;
  let states = "";
  while (!ready) {
    const cases = ((await (await view.get("/api/cases?scope=all&limit=50")).json()).cases ?? []) as { id: string; state: string }[];
    ready = cases.find((c) => c.state === "READY");
    states = cases.map((c) => c.state).join(", ");
    assert.ok(Date.now() < end, `no simulated case READY after ${CASE_READY_CEILING_MS / 1000} s (states: ${states || "none"})`);
    if (!ready) await new Promise((r) => setTimeout(r, 500));
  }
  const caseView = await (await view.get(`/api/cases/${ready.id}`)).json();
  assert.equal(caseView.applicant?.key, "applicant", JSON.stringify(caseView).slice(0, 500));
  const applicant = caseView.applicant;
  const indexes = [...birIndexes(applicant)];
  assert.ok(indexes.length >= 10, `the applicant has fingers, irises and a face (birIndexes: ${indexes})`);
  for (const i of indexes) {
    const image: APIResponse = await view.get(`/api/cases/${ready.id}/subjects/applicant/images/${i}?variant=thumb`);
    assert.equal(image.status(), 200, `image ${i}: ${await image.text()}`);
    const body = await image.body();
    assert.equal(image.headers()["content-type"], "image/webp");
    assert.equal(body.subarray(8, 12).toString("latin1"), "WEBP", `image ${i} is a WebP`);
  }
  const text = readFileSync(log, "utf8");
  assert.doesNotMatch(text, /bundle is (missing|stale)/, "a worker bundle was not found in the artifact");
  assert.doesNotMatch(text, /decode worker|EACCES|EROFS|npm /i);
  await operate.dispose();
  await view.dispose();
  await stop(child);
});

test("the artifact's decode worker decodes JPEG 2000 with the OpenJPEG wasm it ships", () => {
  const iso = join(work, "face.iso");
  cpSync(join(ROOT, "test", "fixtures", "mosip", "iso", "face-fac030-jp2-lossless.iso"), iso);
  chmodSync(iso, 0o644);
  // The pool's own protocol (lib/biometrics/image/decode-pool.ts): a worker on decode-worker.mjs, one job, one reply.
  const script = `
    const { Worker } = require("node:worker_threads");
    const iso = require("node:fs").readFileSync(process.argv[1]);
    const at = iso.indexOf(Buffer.from([0, 0, 0, 0x0c, 0x6a, 0x50, 0x20, 0x20]));
    const w = new Worker("./lib/biometrics/image/decode-worker.mjs");
    w.on("message", (m) => { console.log(JSON.stringify({ ok: m.ok, width: m.result?.width, reversible: m.result?.reversible, mime: m.result?.images[0]?.mime, error: m.error })); process.exit(0); });
    w.on("error", (e) => { console.log(JSON.stringify({ ok: false, error: e.message })); process.exit(1); });
    w.postMessage({ id: 1, job: { kind: "encoded", codec: "JPEG2000", bytes: new Uint8Array(iso.subarray(at)), variants: [{ size: "thumb", format: "webp" }] } });`;
  const r = spawnSync(process.execPath, ["-e", script, iso], {
    cwd: app,
    uid: runAs.uid,
    gid: runAs.gid,
    encoding: "utf8",
    env: onlyEnv({ PATH: process.env.PATH, HOME: writableDir("home-decode") }),
    timeout: 60_000,
  });
  assert.equal(r.status, 0, r.stderr);
  const reply = JSON.parse(r.stdout.trim().split("\n").pop()!);
  assert.deepEqual(
    { ok: reply.ok, mime: reply.mime, reversible: reply.reversible },
    { ok: true, mime: "image/webp", reversible: true },
    r.stdout,
  );
  assert.ok(reply.width > 0);
});

test("the artifact's face worker describes MOSIP's sample face from the model files it ships, with no network", () => {
  const iso = join(work, "face-describe.iso");
  cpSync(join(ROOT, "test", "fixtures", "mosip", "iso", "face-fac030-jp2-lossless.iso"), iso);
  chmodSync(iso, 0o644);
  // The pool's own protocol (lib/process/worker-pool.ts): a worker on the face bundle, one job, one reply.
  const script = `
    const { Worker } = require("node:worker_threads");
    const iso = require("node:fs").readFileSync(process.argv[1]);
    const w = new Worker("./lib/matching/face-worker.generated.mjs");
    w.on("message", (m) => { console.log(JSON.stringify({ ok: m.ok, found: m.result?.found, numbers: m.result?.descriptor?.length, error: m.error })); process.exit(0); });
    w.on("error", (e) => { console.log(JSON.stringify({ ok: false, error: e.message })); process.exit(1); });
    w.postMessage({ id: 1, job: { op: "describe", iso: new Uint8Array(iso) } });`;
  // In a network namespace of its own when the machine allows it (root, as CI runs): the model is not fetched.
  // unshare needs root, so the switch to the artifact's user happens inside it (setpriv).
  const isolated = spawnSync("unshare", ["-n", "true"]).status === 0;
  const asUser = runAs.uid === undefined ? [] : ["setpriv", `--reuid=${runAs.uid}`, `--regid=${runAs.gid}`, "--clear-groups"];
  const r = spawnSync(
    isolated ? "unshare" : process.execPath,
    [...(isolated ? ["-n", ...asUser, process.execPath] : []), "-e", script, iso],
    {
      cwd: app,
      uid: isolated ? undefined : runAs.uid,
      gid: isolated ? undefined : runAs.gid,
      encoding: "utf8",
      env: onlyEnv({ PATH: process.env.PATH, HOME: writableDir("home-face") }),
      timeout: 180_000,
    },
  );
  assert.equal(r.status, 0, r.stderr);
  const reply = JSON.parse(r.stdout.trim().split("\n").pop()!);
  assert.deepEqual(reply, { ok: true, found: true, numbers: 128 }, r.stdout);
});

test("in production, on PostgreSQL and the broker, the artifact applies every migration and becomes healthy", async () => {
  broker = await startActiveMq(brokerDir);
  const server = testPgServerUrl();
  const name = `artifact_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: `${server}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const { log, child } = startArtifact("production", {
    PORT: String(port),
    NEXTAUTH_URL: base,
    MAS_ALLOW_HTTP: "true",
    HOME: writableDir("home-production"),
    MAS_DATA_DIR: writableDir("data-production"),
    // Real data may arrive (a queue): start-up is refused without the partner key ring.
    ...ownedByArtifactUser(writePartnerKeyFiles(writableDir("keys-production"))),
    DATABASE_URL: `${server}/${name}`,
    MOSIP_QUEUE_URL: broker.stompUrl,
    MOSIP_DATASHARE_ALLOWED_ORIGINS: "http://datashare.invalid",
    AUTH_SECRET: randomBytes(48).toString("base64url"),
    MAS_ADMIN_USERNAME: "chief",
    MAS_ADMIN_PASSWORD: randomBytes(16).toString("base64url"),
  });
  const health = (await waitHealthy(base, log, child)) as { database: { kind: string }; broker: { configured: boolean } };
  assert.equal(health.database.kind, "postgresql");
  assert.equal(health.broker.configured, true);
  const c = new pg.Client({ connectionString: `${server}/${name}` });
  await c.connect();
  const applied = (await c.query(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY 1`)).rows;
  await c.end();
  const expected = readdirSync(join(ROOT, "prisma", "migrations"))
    .filter((n) => !n.endsWith(".toml"))
    .sort();
  assert.deepEqual(
    applied.map((r) => r.migration_name),
    expected,
  );
  await stop(child);
  assert.doesNotMatch(readFileSync(log, "utf8"), /EACCES|EROFS/);
});

test("running left the read-only artifact exactly as built", () => {
  const now = snapshot(app);
  const changed = [...new Set([...before_.keys(), ...now.keys()])].filter((p) => before_.get(p) !== now.get(p));
  assert.deepEqual(changed, []);
});

test("the Dockerfile copies the directory this test ran, nothing else, and runs it as the test did", () => {
  const dockerfile = readFileSync(join(ROOT, "Dockerfile"), "utf8").replace(/\\\n/g, " ");
  const build = dockerfile.split(/^FROM /m).find((s) => / AS build\b/.test(s.split("\n")[0]));
  assert.ok(build, "a build stage");
  assert.match(build, /^node:20-bookworm AS build/);
  const workdir = build.match(/^WORKDIR (\S+)/m)?.[1];
  assert.match(build, /^RUN npm ci\b/m);
  assert.match(build, /^RUN npm run build:artifact$/m, "the build stage makes the artifact with the script this test ran");
  const { env, lines } = dockerRuntime();
  assert.equal(lines[0], "FROM node:20-bookworm-slim AS runtime");
  const copies = lines.filter((l) => /^(COPY|ADD) /.test(l));
  // dist/mas relative to the build stage's WORKDIR is the directory scripts/build-artifact.mjs writes (DIST).
  assert.deepEqual(copies, [`COPY --from=build ${workdir}/${relative(ROOT, DIST)}/ /app/`], "the runtime stage copies only the artifact");
  assert.ok(lines.includes("WORKDIR /app"));
  assert.ok(lines.includes('CMD ["node", "start.mjs"]'), "started as the test starts it");
  const user = lines.find((l) => l.startsWith("USER "))?.slice(5);
  assert.match(user ?? "", /^[1-9]\d*:[1-9]\d*$/, "a fixed non-root uid:gid");
  assert.equal(env.NODE_ENV, "production");
  assert.ok(
    lines.some((l) => l.includes(`chown mas:mas ${env.MAS_DATA_DIR}`)),
    "MAS_DATA_DIR is the one directory the user owns",
  );
  const healthcheck = lines.find((l) => l.startsWith("HEALTHCHECK "));
  assert.ok(healthcheck?.includes(`/api/health/live'`) && HEALTH_PATHS.live === "/api/health/live", "HEALTHCHECK on the liveness path");
  assert.ok(lines.some((l) => l === `EXPOSE ${env.PORT}`));
});
