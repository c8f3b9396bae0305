import { ensureNpmInstall } from "./lib/ensure-install.mjs";
ensureNpmInstall();
const { prismaGenerate } = await import("./prisma-generate.mjs");
prismaGenerate();
const { buildWsqDecoder } = await import("../lib/biometrics/image/build-wsq-decoder.mjs");
await buildWsqDecoder();
// The simulator's synthesis workers load a plain-JS bundle too (lib/simulator/build-packet-worker.mjs).
const { buildPacketWorker } = await import("../lib/simulator/build-packet-worker.mjs");
await buildPacketWorker();
