import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { AppEnv } from "@/lib/env/env-schema";
import { processSlot } from "@/lib/process/process-slot";

const secretSlot = processSlot<string>("authSecret");

/**
 * The secret that signs session tokens. Production must set AUTH_SECRET (the env schema enforces it);
 * a development install keeps a generated one in the data directory so sessions survive a restart.
 */
export function ensureAuthSecret(env: AppEnv): string {
  const held = secretSlot.get();
  if (held) return held;
  let secret = env.authSecret;
  if (!secret) {
    const file = join(env.dataDir, "auth-secret");
    if (existsSync(file)) secret = readFileSync(file, "utf8").trim();
    else {
      mkdirSync(env.dataDir, { recursive: true });
      secret = randomBytes(48).toString("base64url");
      writeFileSync(file, secret, { mode: 0o600 });
    }
  }
  secretSlot.set(secret);
  return secret;
}
