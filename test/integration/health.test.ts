// What the health endpoints tell whom: anonymous callers (probes, scanners) learn whether things work, never
// where the broker is or why it fails; a session that may see the integration console gets the details.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:net";
import { createTestDatabase } from "./helpers/test-database";
import { waitFor } from "./helpers/bridge-helpers";
import { parseEnv } from "@/lib/env/env-schema";
import type { Database } from "@/lib/db/open-database";
import type { SessionUser } from "@/lib/auth/load-user";
import { startMosipBridgeOnce, getMosipBridge } from "@/lib/bridge/mosip-bridge-instance";
import { healthFor } from "@/lib/boot/check-health";
import { checkReadiness } from "@/lib/boot/check-readiness";
import { createLogger, toLog } from "@/lib/log/logger";
import type { Migration } from "@/lib/db/apply-migrations";

let db: Database;
let drop: () => Promise<void>;
let closedPort: number;

const ADMIN = { id: "a", username: "admin", roles: ["ADMIN"], permissions: ["integration.view"] } as unknown as SessionUser;
const OPERATOR = { id: "o", username: "operator1", roles: ["OPERATOR"], permissions: ["queue.own"] } as unknown as SessionUser;

before(async () => {
  ({ db, drop } = await createTestDatabase("health"));
  // A port that was free a moment ago: the broker "host" answers nothing, so the bridge's error names it.
  closedPort = await new Promise<number>((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
  const env = parseEnv({
    MOSIP_QUEUE_URL: `stomp://mquser:mqsecret@127.0.0.1:${closedPort}`,
    MOSIP_DATASHARE_ALLOWED_ORIGINS: "http://datashare.invalid",
  }).mosip;
  startMosipBridgeOnce(db.prisma, env, toLog(createLogger({ level: "silent" })));
  await waitFor("the bridge's connection error", async () => Boolean(getMosipBridge()?.status().lastError));
});

after(async () => {
  await getMosipBridge()?.stop();
  await drop?.();
});

test("anonymous /api/health names no host, port, user or error, even when the broker error does", async () => {
  const detailed = JSON.stringify(await healthFor(db, ADMIN));
  assert.match(detailed, new RegExp(`127\\.0\\.0\\.1:${closedPort}`), "the admin view names the endpoint");
  for (const viewer of [null, OPERATOR]) {
    const body = await healthFor(db, viewer);
    const text = JSON.stringify(body);
    for (const secret of ["127.0.0.1", String(closedPort), "mquser", "mqsecret", "cannot reach", "lastError", "version"])
      assert.ok(!text.includes(secret), `${secret} in ${text}`);
    assert.deepEqual(body, {
      status: "ok",
      database: { kind: "postgresql", reachable: true },
      broker: { configured: true, connected: false },
    });
  }
});

test("readiness: an intake process needs the broker, a web process does not; answers are single words", async () => {
  const intake = await checkReadiness(db, ["intake"]);
  assert.deepEqual(intake, { ready: false, checks: { database: "ok", migrations: "ok", broker: "disconnected" } });
  const web = await checkReadiness(db, ["web", "worker", "publisher"]);
  assert.deepEqual(web, { ready: true, checks: { database: "ok", migrations: "ok", broker: "not_required" } });
  assert.ok(!JSON.stringify(intake).includes("127.0.0.1"));
});

test("readiness: a build shipping a migration the database lacks is not ready", async () => {
  const future: Migration = { name: "29990101000000_from_a_newer_build", sql: "", checksum: "x" };
  const r = await checkReadiness(db, ["web"], [future]);
  assert.deepEqual(r, { ready: false, checks: { database: "ok", migrations: "pending", broker: "not_required" } });
});
