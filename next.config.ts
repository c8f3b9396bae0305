import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { PERMISSIONS_POLICY } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  // A self-contained server (.next/standalone/server.js with the node_modules it uses), the base of the
  // production artifact that scripts/build-artifact.mjs assembles (docs/deployment.md).
  output: "standalone",
  // Files the server loads by a path computed at run time, which output tracing cannot see: the worker files of
  // the decode, synthesis, datashare, fingerprint and face pools with the modules they import, the face model's files, the migrations applied at boot, and
  // the OpenJPEG codec, which only the decode worker imports (its package.json too, for the exports map). sharp is
  // traced through serverExternalPackages. The bundles' builder (lib/process/build-worker-bundles.mjs) stays out:
  // it needs esbuild, a dev dependency. test/integration/artifact.test.ts fails when something here is missing.
  outputFileTracingIncludes: {
    "/**": [
      "./lib/biometrics/image/{decode-worker,render-job,jpeg2000-wasm,raster-encoder,raster-limits,sharp-decoder,image-header}.mjs",
      "./lib/process/serve-worker-jobs.mjs",
      "./lib/biometrics/image/wsq-decoder.generated.mjs",
      "./lib/simulator/packet-worker.generated.mjs",
      "./lib/cases/subject-worker.generated.mjs",
      "./lib/matching/finger-worker.generated.mjs",
      "./lib/matching/face-worker.generated.mjs",
      "./prisma/migrations/**/*",
      "./node_modules/@cornerstonejs/codec-openjpeg/{package.json,dist/*}",
      // The face worker's bundle holds face-api's and TensorFlow.js's JavaScript; it reads the backend's .wasm and
      // the three nets' weights from these folders (lib/matching/face-model.ts).
      "./node_modules/@tensorflow/tfjs-backend-wasm/{package.json,dist/*.wasm}",
      "./node_modules/@vladmandic/face-api/{package.json,model/ssd_mobilenetv1_model*,model/face_landmark_68_model*,model/face_recognition_model*}",
    ],
  },
  // Native, wasm and worker-using packages stay outside the bundle and load from node_modules at run time.
  serverExternalPackages: [
    "@cornerstonejs/codec-openjpeg",
    "sharp",
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "pg",
    "@stomp/stompjs",
    "@stomp/tcp-wrapper",
    // Loaded once from node_modules (its default metrics hook process internals); pino is external by Next's default.
    "prom-client",
    "pino",
  ],
  poweredByHeader: false,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
        ],
      },
    ];
  },
};

// next-intl finds its per-request configuration in i18n/request.ts (the language of each request's screens).
export default createNextIntlPlugin()(nextConfig);
