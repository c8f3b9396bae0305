// `npm start`: installs what is missing, builds when sources changed, and serves the app. With NODE_ENV=production
// it installs and builds nothing: it serves the existing build or stops saying how to make one.
// Migrations, permissions and the first users are handled by the app itself at boot (instrumentation.ts).
import { spawn } from "node:child_process";
import { ensureNpmInstall } from "./lib/ensure-install.mjs";

const dev = process.argv.includes("--dev");

async function main() {
  if (process.env.NODE_ENV === "production" && !dev) {
    (await import("./lib/ensure-build.mjs")).requireBuild();
    return serve();
  }
  ensureNpmInstall();
  const { prismaGenerate } = await import("./prisma-generate.mjs");
  prismaGenerate();
  // Worker threads load plain-JS bundles of TypeScript (WSQ, packet synthesis); build them before `next build` hashes lib/.
  const { buildWorkerBundles } = await import("../lib/process/build-worker-bundles.mjs");
  await buildWorkerBundles();
  if (!dev) (await import("./lib/ensure-build.mjs")).ensureBuild();
  serve();
}

function serve() {
  const port = process.env.PORT || "3000";
  const env = {
    ...process.env,
    PORT: port,
    NEXT_TELEMETRY_DISABLED: "1",
    // `next start` forces NODE_ENV=production; remember what the operator asked for.
    MAS_DEPLOYMENT: process.env.MAS_DEPLOYMENT ?? (process.env.NODE_ENV === "production" ? "production" : "development"),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    // The MAS stops gracefully on SIGTERM/SIGINT itself (lib/boot/handle-stop-signals.ts); Next.js would exit at once.
    NEXT_MANUAL_SIG_HANDLE: "true",
  };
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", dev ? "dev" : "start", "-p", port], { stdio: "inherit", env });
  for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main().catch((e) => {
  console.error(`[setup] ${e.message}`);
  process.exit(1);
});
