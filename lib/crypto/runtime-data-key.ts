import "server-only";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { AppEnv } from "@/lib/env/env-schema";
import { processSlot } from "@/lib/process/process-slot";
import { DATA_KEY_LENGTH, parseDataKey } from "./seal-at-rest";

const dataKeySlot = processSlot<Buffer>("dataKey");

/** Where a development installation keeps its generated data key. */
export function demoDataKeyPath(env: Pick<AppEnv, "dataDir">): string {
  return join(env.dataDir, "data-key.b64");
}

/**
 * The key that seals plain datashares at rest: MAS_DATA_KEY_FILE, or outside production a key generated once
 * under MAS_DATA_DIR (0600). Production never generates one: a key that lived only in a container's file
 * system would be lost with it, and every sealed body with it.
 */
export function getRuntimeDataKey(env: Pick<AppEnv, "production" | "dataDir" | "dataKeyFile">): Buffer {
  return dataKeySlot.getOrCreate(() => {
    if (env.dataKeyFile) return parseDataKey(readFileSync(env.dataKeyFile, "utf8"), `MAS_DATA_KEY_FILE (${env.dataKeyFile})`);
    if (env.production) throw new Error("MAS_DATA_KEY_FILE is required to store plain datashares in production");
    const path = demoDataKeyPath(env);
    if (!existsSync(path)) {
      mkdirSync(env.dataDir, { recursive: true });
      // wx: two processes starting together never overwrite each other's key.
      try {
        writeFileSync(path, `${randomBytes(DATA_KEY_LENGTH).toString("base64")}\n`, { mode: 0o600, flag: "wx" });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      }
      chmodSync(path, 0o600);
    }
    return parseDataKey(readFileSync(path, "utf8"), path);
  });
}
