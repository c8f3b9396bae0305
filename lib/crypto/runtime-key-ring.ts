import "server-only";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { AppEnv } from "@/lib/env/env-schema";
import { createKeyRing, type KeyRing } from "./key-ring";
import { generatePartnerKey } from "./generate-partner-key";
import { loadKeyRingFromEnv } from "./load-key-ring";
import { processSlot } from "@/lib/process/process-slot";

const keyRingSlot = processSlot<KeyRing | null>("keyRing");

/** Where a development installation keeps its generated demo partner key (the simulator encrypts for it). */
export function demoKeyPaths(env: Pick<AppEnv, "dataDir">) {
  return { key: join(env.dataDir, "demo-partner-key.pem"), cert: join(env.dataDir, "demo-partner-cert.pem") };
}

/** Creates the demo partner key once and returns its PEMs. Never used in production. */
export function ensureDemoPartnerKey(env: Pick<AppEnv, "dataDir">): { privateKeyPem: string; certificatePem: string } {
  const p = demoKeyPaths(env);
  // The turbopackIgnore comments keep Next's output tracing from copying the whole project into the build:
  // these are run-time paths under MAS_DATA_DIR.
  if (!existsSync(/* turbopackIgnore: true */ p.key) || !existsSync(/* turbopackIgnore: true */ p.cert)) {
    mkdirSync(env.dataDir, { recursive: true });
    const k = generatePartnerKey({ commonName: "MAS demo partner (mpartner-default-adjudication)" });
    writeFileSync(p.key, k.privateKeyPem, { mode: 0o600 });
    writeFileSync(p.cert, k.certificatePem);
  }
  return {
    privateKeyPem: readFileSync(/* turbopackIgnore: true */ p.key, "utf8"),
    certificatePem: readFileSync(/* turbopackIgnore: true */ p.cert, "utf8"),
  };
}

/**
 * The MAS partner keys datashares are encrypted for: MAS_PARTNER_PRIVATE_KEY_FILE/…CERTIFICATE_FILE, or outside
 * production (and without a MOSIP queue) the generated demo key. Null: no key ring, which stops start-up where
 * real data may arrive (lib/boot/boot-app.ts).
 */
export function getRuntimeKeyRing(env: AppEnv): KeyRing | null {
  return keyRingSlot.getOrCreate(() => {
    let ring = loadKeyRingFromEnv(process.env);
    if (!ring && !env.production && !env.realData) {
      const demo = ensureDemoPartnerKey(env);
      ring = createKeyRing([{ privateKeyPem: demo.privateKeyPem, certificatePem: demo.certificatePem, label: "demo" }]);
    }
    return ring;
  });
}

/**
 * The key ring, or a start-up failure where real applicants' datashares may arrive (production or a configured
 * MOSIP queue) and no partner key is configured: every case would otherwise fail at its first download.
 */
export function requireRuntimeKeyRing(env: AppEnv): KeyRing | null {
  const ring = getRuntimeKeyRing(env);
  if (!ring && (env.production || env.realData)) {
    throw new Error(
      "MAS_PARTNER_PRIVATE_KEY_FILE and MAS_PARTNER_CERTIFICATE_FILE are required when MAS_MODE=production or MOSIP_QUEUE_URL is set: the MAS partner key ring MOSIP encrypts datashares for (PEM files)",
    );
  }
  return ring;
}
