// `prisma generate` needs no engine, but the CLI still looks for the native schema engine and tries to
// download it. Point it at a stub that fails loudly, so an engine-using command can never pass silently.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync, chmodSync, existsSync, statSync } from "node:fs";
import { join } from "node:path";

export function prismaGenerate({ force = false } = {}) {
  const schema = "prisma/schema.prisma";
  const marker = "lib/db/generated/client.ts";
  if (!force && existsSync(marker) && statSync(marker).mtimeMs >= statSync(schema).mtimeMs) return;
  const stubDir = join("node_modules", ".cache", "mas");
  mkdirSync(stubDir, { recursive: true });
  const stub = join(stubDir, "no-schema-engine.sh");
  writeFileSync(
    stub,
    '#!/bin/sh\necho "no native Prisma schema engine here: migrations are applied by the app (lib/db/apply-migrations.ts)" >&2\nexit 1\n',
  );
  chmodSync(stub, 0o755);
  const r = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "generate"], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: stub, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
  });
  if (r.status !== 0) {
    process.stdout.write(r.stdout);
    throw new Error("prisma generate failed");
  }
}

if (import.meta.url === `file://${process.argv[1]}`) prismaGenerate({ force: true });
