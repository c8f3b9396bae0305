import { test } from "node:test";
import assert from "node:assert/strict";
import type { PrismaClient } from "@/lib/db/generated/client";
import { parseEnv } from "@/lib/env/env-schema";
import { startDownloadWorker } from "./run-download-worker";

test("a MOSIP_DATASHARE_MAX_ATTEMPTS below the validity budget stops the start, before the database is used", () => {
  const unused = new Proxy({}, { get: () => assert.fail("the database must not be touched") }) as PrismaClient;
  const datashare = parseEnv({ MOSIP_DATASHARE_MAX_ATTEMPTS: "5" }).mosip.datashare;
  assert.throws(() => startDownloadWorker(unused, datashare), /MOSIP_DATASHARE_MAX_ATTEMPTS=5 .* set at least 41/);
});
