import { test } from "node:test";
import assert from "node:assert/strict";
import { parseEnv, EnvError } from "./env-schema";

test("embedded default needs nothing", () => {
  const env = parseEnv({});
  assert.equal(env.production, false);
  assert.deepEqual(env.database, { kind: "pglite", dir: "./data/pglite" });
  assert.equal(env.port, 3000);
  assert.equal(env.sessionIdleMinutes, 30);
});

test("production refuses to start without AUTH_SECRET and an admin password, naming both", () => {
  assert.throws(
    () => parseEnv({ NODE_ENV: "production" }),
    (e: unknown) => {
      assert.ok(e instanceof EnvError);
      assert.match(e.message, /AUTH_SECRET is required in production/);
      assert.match(e.message, /MAS_ADMIN_PASSWORD is required in production/);
      assert.match(e.message, /MOSIP_QUEUE_URL is required in production/);
      assert.match(e.message, /NEXTAUTH_URL must be the https:\/\/ address/);
      return true;
    },
  );
});

test("production over plain http needs MAS_ALLOW_HTTP=true", () => {
  const base = {
    NODE_ENV: "production",
    AUTH_SECRET: "x".repeat(40),
    MAS_ADMIN_USERNAME: "admin",
    MAS_ADMIN_PASSWORD: "a-long-password-1",
    MOSIP_QUEUE_URL: "stomp://mas:secret@activemq:61613",
    MOSIP_DATASHARE_ALLOWED_ORIGINS: "http://datashare.datashare",
    NEXTAUTH_URL: "http://mas.internal:3000",
  };
  assert.throws(() => parseEnv(base), /NEXTAUTH_URL must be the https:\/\/ address/);
  assert.equal(parseEnv({ ...base, MAS_ALLOW_HTTP: "true" }).production, true);
});

test("MAS_DEPLOYMENT overrides the NODE_ENV that next start forces", () => {
  const env = parseEnv({ NODE_ENV: "production", MAS_DEPLOYMENT: "development" });
  assert.equal(env.production, false);
});

test("wrong values say what to set", () => {
  assert.throws(() => parseEnv({ DATABASE_URL: "mysql://x" }), /DATABASE_URL must be a PostgreSQL URL/);
  assert.throws(() => parseEnv({ PORT: "abc" }), /PORT must be a whole number/);
  assert.throws(() => parseEnv({ MAS_ADMIN_USERNAME: "root" }), /set MAS_ADMIN_USERNAME and MAS_ADMIN_PASSWORD together/);
  assert.throws(() => parseEnv({ MAS_ADMIN_USERNAME: "root", MAS_ADMIN_PASSWORD: "short" }), /at least 12 characters/);
  assert.throws(
    () => parseEnv({ MAS_OIDC_ISSUER: "https://kc/realms/mosip" }),
    /needs MAS_OIDC_ISSUER, MAS_OIDC_CLIENT_ID and MAS_OIDC_CLIENT_SECRET together/,
  );
});

test("a full production environment parses", () => {
  const env = parseEnv({
    NODE_ENV: "production",
    AUTH_SECRET: "x".repeat(40),
    MAS_ADMIN_USERNAME: "admin",
    MAS_ADMIN_PASSWORD: "a-long-password-1",
    DATABASE_URL: "postgresql://mas@db:5432/mas",
    MOSIP_QUEUE_URL: "stomp://mas:secret@activemq:61613",
    MOSIP_DATASHARE_ALLOWED_ORIGINS: "http://datashare.datashare",
    NEXTAUTH_URL: "https://mas.id.example",
    MAS_OIDC_ISSUER: "https://kc.example/realms/mosip",
    MAS_OIDC_CLIENT_ID: "mas",
    MAS_OIDC_CLIENT_SECRET: "s",
  });
  assert.equal(env.production, true);
  assert.deepEqual(env.database, { kind: "postgresql", url: "postgresql://mas@db:5432/mas" });
  assert.equal(env.oidc?.rolesClaim, "realm_access.roles");
  assert.equal(env.mosip.datashare.plaintext, "refuse", "production refuses plain datashares by default");
});

test("plain datashares in production: allowed only on purpose, and then with a key file", () => {
  const prod = {
    NODE_ENV: "production",
    AUTH_SECRET: "x".repeat(40),
    MAS_ADMIN_USERNAME: "admin",
    MAS_ADMIN_PASSWORD: "a-long-password-1",
    MOSIP_QUEUE_URL: "stomp://mas:secret@activemq:61613",
    MOSIP_DATASHARE_ALLOWED_ORIGINS: "http://datashare.datashare",
    NEXTAUTH_URL: "https://mas.id.example",
  };
  assert.throws(() => parseEnv({ ...prod, MAS_ALLOW_PLAINTEXT_DATASHARE: "true" }), /MAS_DATA_KEY_FILE is required in production when/);
  const env = parseEnv({ ...prod, MAS_ALLOW_PLAINTEXT_DATASHARE: "true", MAS_DATA_KEY_FILE: "/run/secrets/mas-data-key" });
  assert.equal(env.mosip.datashare.plaintext, "seal");
  assert.equal(env.dataKeyFile, "/run/secrets/mas-data-key");
  assert.equal(parseEnv({}).mosip.datashare.plaintext, "seal", "development seals them with a generated key");
});

test("production is not NODE_ENV alone: MAS_MODE decides, and a configured queue means real data", () => {
  assert.equal(parseEnv({ NODE_ENV: "production", MAS_MODE: "demo" }).production, false, "MAS_MODE wins over next start's NODE_ENV");
  assert.throws(() => parseEnv({ MAS_MODE: "production" }), /AUTH_SECRET is required in production/);
  const queued = parseEnv({
    MAS_DEPLOYMENT: "development",
    MOSIP_QUEUE_URL: "stomp://mas:secret@activemq:61613",
    MOSIP_DATASHARE_ALLOWED_ORIGINS: "http://datashare.datashare",
  });
  assert.equal(queued.realData, true, "a real MOSIP queue: no demo users, a key ring required");
  assert.equal(parseEnv({}).realData, false);
  assert.throws(
    () => parseEnv({ MAS_MODE: "demo", MOSIP_QUEUE_URL: "stomp://mas:secret@activemq:61613" }),
    /MAS_MODE is demo, but MOSIP_QUEUE_URL is set/,
  );
});

test("sessions have an absolute lifetime, a working day by default", () => {
  assert.equal(parseEnv({}).sessionMaxHours, 12);
  assert.equal(parseEnv({ MAS_SESSION_MAX_HOURS: "8" }).sessionMaxHours, 8);
  assert.throws(() => parseEnv({ MAS_SESSION_MAX_HOURS: "0" }), /MAS_SESSION_MAX_HOURS must be a whole number above 0/);
});

test("production refuses the simulator's test-only identity record file", () => {
  const base = {
    NODE_ENV: "production",
    AUTH_SECRET: "x".repeat(40),
    MAS_ADMIN_USERNAME: "admin",
    MAS_ADMIN_PASSWORD: "a-long-password-1",
    NEXTAUTH_URL: "https://mas.example",
    MOSIP_QUEUE_URL: "stomp://mas:secret@activemq:61613",
    MOSIP_DATASHARE_ALLOWED_ORIGINS: "http://datashare.datashare",
  };
  assert.equal(parseEnv(base).production, true);
  assert.throws(() => parseEnv({ ...base, MAS_SIMULATOR_RECORD_FILE: "/tmp/ids.ndjson" }), /MAS_SIMULATOR_RECORD_FILE is for tests only/);
  assert.doesNotThrow(() => parseEnv({ ...base, NODE_ENV: "development", MAS_SIMULATOR_RECORD_FILE: "/tmp/ids.ndjson" }));
  assert.throws(() => parseEnv({ ...base, MAS_SIMULATOR_TRUTH_FILE: "/tmp/truth.ndjson" }), /MAS_SIMULATOR_TRUTH_FILE is for tests only/);
  assert.doesNotThrow(() => parseEnv({ ...base, NODE_ENV: "development", MAS_SIMULATOR_TRUTH_FILE: "/tmp/truth.ndjson" }));
});

test("MAS_PROCESS_ROLES defaults to every role and refuses an unknown one, naming the valid ones", () => {
  assert.deepEqual(parseEnv({}).roles, ["web", "intake", "worker", "publisher"]);
  assert.deepEqual(parseEnv({ MAS_PROCESS_ROLES: " Worker,publisher,worker " }).roles, ["worker", "publisher"]);
  assert.throws(
    () => parseEnv({ MAS_PROCESS_ROLES: "web,queue" }),
    /MAS_PROCESS_ROLES must be a comma-separated list of web, intake, worker, publisher/,
  );
  assert.throws(() => parseEnv({ MAS_PROCESS_ROLES: "web,,intake" }), /MAS_PROCESS_ROLES/);
});

test("MAS_LOG_LEVEL and the metrics token are validated", () => {
  assert.equal(parseEnv({}).logLevel, "info");
  assert.equal(parseEnv({ MAS_LOG_LEVEL: "DEBUG" }).logLevel, "debug");
  assert.throws(() => parseEnv({ MAS_LOG_LEVEL: "verbose" }), /MAS_LOG_LEVEL must be one of fatal, error, warn, info/);
  assert.throws(() => parseEnv({ MAS_METRICS_TOKEN: "short" }), /MAS_METRICS_TOKEN must be at least 24 characters/);
  assert.deepEqual(parseEnv({ MAS_METRICS_TOKEN: "t".repeat(24), MAS_METRICS_OPEN: "true" }).metrics, {
    token: "t".repeat(24),
    open: true,
  });
});
