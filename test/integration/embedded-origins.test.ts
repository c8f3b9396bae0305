// The built-in MOSIP (no MOSIP_QUEUE_URL, no MOSIP_DATASHARE_ALLOWED_ORIGINS): its own datashare server's origin is
// allowed implicitly, so its requests become cases and their shares are downloaded.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase } from "./helpers/test-database";
import { waitFor } from "./helpers/bridge-helpers";
import { parseEnv } from "@/lib/env/env-schema";
import { startEmbeddedMosip, type EmbeddedMosip } from "@/lib/embedded/embedded-mosip";
import type { Database } from "@/lib/db/open-database";

let db: Database;
let drop: () => Promise<void>;
let dir: string;
let mosip: EmbeddedMosip | undefined;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "mas-embedded-"));
  ({ db, drop } = await createTestDatabase("embedded_origins"));
});

after(async () => {
  await mosip?.stop();
  await drop?.();
  rmSync(dir, { recursive: true, force: true });
});

test("the simulator's own datashare origin is allowed without configuration: its request becomes a READY case", async () => {
  const env = parseEnv({ MAS_DATA_DIR: dir, MAS_SIMULATOR_STOCK: "0", MAS_SIMULATOR_THREADS: "1" });
  assert.deepEqual(env.mosip.datashare.allowedOrigins, [], "nothing configured");
  mosip = startEmbeddedMosip(db.prisma, env, () => {});
  assert.equal(await mosip.addRequests({ adjudications: 0, verifications: 1 }), 1);
  const c = await waitFor(
    "the simulated case READY",
    () => db.prisma.case.findFirst({ where: { state: { not: "FETCHING" } } }),
    240_000,
    async () =>
      `case states: ${(await db.prisma.case.findMany({ select: { state: true } })).map((x) => x.state).join(", ") || "no case yet"}`,
  );
  assert.equal(c.state, "READY");
  assert.equal(await db.prisma.inboxMessage.count({ where: { outcome: "REJECTED" } }), 0);
});
