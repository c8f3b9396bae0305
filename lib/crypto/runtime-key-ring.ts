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
 * production the generated demo key. Null means only plain (policy "none") datashares can be read.
 */
export function getRuntimeKeyRing(env: AppEnv): KeyRing | null {
  return keyRingSlot.getOrCreate(() => {
    let ring = loadKeyRingFromEnv(process.env);
    if (!ring && !env.production) {
      const demo = ensureDemoPartnerKey(env);
      ring = createKeyRing([{ privateKeyPem: demo.privateKeyPem, certificatePem: demo.certificatePem, label: "demo" }]);
    }
    return ring;
  });
}
