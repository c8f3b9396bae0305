// The production artifact's one start command: `node start.mjs` (the Docker image's CMD). It runs what was
// built and nothing else: no install, no build, no network. Copied into the artifact by scripts/build-artifact.mjs.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
// What scripts/build-artifact.mjs puts here; a partial copy fails now, not at the first request.
const REQUIRED = [
  "server.js",
  ".next/BUILD_ID",
  ".next/static",
  "prisma/migrations",
  "lib/biometrics/image/decode-worker.mjs",
  "lib/biometrics/image/wsq-decoder.generated.mjs",
  "lib/simulator/packet-worker.generated.mjs",
  "lib/cases/subject-worker.generated.mjs",
  "lib/matching/finger-worker.generated.mjs",
  "lib/matching/face-worker.generated.mjs",
  "node_modules/@vladmandic/face-api/model/face_recognition_model.bin",
  "node_modules/@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm",
];
const missing = REQUIRED.filter((p) => !existsSync(join(here, p)));
if (missing.length) {
  console.error(
    `[mas] this is not a complete MAS build (missing: ${missing.join(", ")}). ` +
      "Build it with `npm run build:artifact` in the source tree and run dist/mas/start.mjs, or use the Docker image.",
  );
  process.exit(1);
}

// The server forces NODE_ENV=production; remember what the operator asked for (lib/env/env-schema.ts).
process.env.MAS_DEPLOYMENT ??= process.env.NODE_ENV === "production" ? "production" : "development";
process.env.NEXT_TELEMETRY_DISABLED = "1";
process.env.PORT ??= "3000";
process.env.NEXTAUTH_URL ??= `http://localhost:${process.env.PORT}`;
// Next's standalone server listens on $HOSTNAME, which Kubernetes and Docker set to the pod's or container's name:
// listen on every interface instead, so that probes and the HEALTHCHECK on 127.0.0.1 reach it.
process.env.HOSTNAME = "0.0.0.0";
// The MAS stops gracefully on SIGTERM itself (lib/boot/handle-stop-signals.ts); Next.js would exit at once.
process.env.NEXT_MANUAL_SIG_HANDLE = "true";
// Relative paths (MAS_DATA_DIR's default ./data, the worker files, the migrations) resolve against this folder.
process.chdir(here);
await import("./server.js");
