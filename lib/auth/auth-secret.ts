import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { AppEnv } from "@/lib/env/env-schema";

const KEY = Symbol.for("mas.authSecret");
type G = typeof globalThis & { [KEY]?: string };

/**
 * The secret that signs session tokens. Production must set AUTH_SECRET (the env schema enforces it);
 * a development install keeps a generated one in the data directory so sessions survive a restart.
 */
export function ensureAuthSecret(env: AppEnv): string {
  const g = globalThis as G;
  if (g[KEY]) return g[KEY];
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
  return (g[KEY] = secret);
}
