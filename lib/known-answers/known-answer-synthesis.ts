import "server-only";
import { getRuntimeKeyRing } from "@/lib/crypto/runtime-key-ring";
import type { AppEnv } from "@/lib/env/env-schema";
import { processSlot } from "@/lib/process/process-slot";
import type { SimSubject } from "@/lib/simulator/scenario";
import { SynthesisPool } from "@/lib/simulator/synthesis-pool";

/** Builds the datashare bodies of synthetic subjects, as MOSIP would serve them to the MAS. */
export type SynthesizeBodies = (subjects: SimSubject[]) => Promise<Buffer[]>;

const poolSlot = processSlot<SynthesisPool>("knownAnswerSynthesis");

/**
 * The bodies encrypted (VER_R2, MOSIP's format since 1.2.0) for the MAS's own partner certificate, the first of
 * the runtime key ring: the case view then decrypts them exactly as it decrypts a downloaded share. Built in one
 * worker thread of its own, so a known-answer case never slows the pages or the bridge.
 */
export function runtimeSynthesis(env: AppEnv): SynthesizeBodies {
  return async (subjects) => {
    const key = getRuntimeKeyRing(env)?.keys[0];
    if (!key)
      throw new Error("known-answer cases need the MAS partner key ring (MAS_PARTNER_PRIVATE_KEY_FILE, MAS_PARTNER_CERTIFICATE_FILE)");
    const pool = poolSlot.getOrCreate(() => new SynthesisPool({ size: 1 }));
    return pool.run({ subjects, encryption: "VER_R2", certificatePem: key.certificate.toString() }, "ahead");
  };
}
