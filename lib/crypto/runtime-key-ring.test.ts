import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseEnv } from "@/lib/env/env-schema";
import { requireRuntimeKeyRing } from "./runtime-key-ring";

test("with a MOSIP queue configured, start-up refuses to go on without a partner key ring (no demo key is made)", () => {
  const dir = mkdtempSync(join(tmpdir(), "mas-ring-"));
  const saved = { key: process.env.MAS_PARTNER_PRIVATE_KEY_FILE, cert: process.env.MAS_PARTNER_CERTIFICATE_FILE };
  delete process.env.MAS_PARTNER_PRIVATE_KEY_FILE;
  delete process.env.MAS_PARTNER_CERTIFICATE_FILE;
  try {
    const env = parseEnv({
      MAS_DEPLOYMENT: "development",
      MAS_DATA_DIR: dir,
      MOSIP_QUEUE_URL: "stomp://mas:secret@activemq:61613",
      MOSIP_DATASHARE_ALLOWED_ORIGINS: "http://datashare.datashare",
    });
    assert.throws(() => requireRuntimeKeyRing(env), /MAS_PARTNER_PRIVATE_KEY_FILE and MAS_PARTNER_CERTIFICATE_FILE are required/);
  } finally {
    if (saved.key !== undefined) process.env.MAS_PARTNER_PRIVATE_KEY_FILE = saved.key;
    if (saved.cert !== undefined) process.env.MAS_PARTNER_CERTIFICATE_FILE = saved.cert;
    rmSync(dir, { recursive: true, force: true });
  }
});
