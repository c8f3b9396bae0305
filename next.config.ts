import type { NextConfig } from "next";
import { PERMISSIONS_POLICY } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
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

export default nextConfig;
