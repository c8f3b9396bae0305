import { ensureNpmInstall } from "./lib/ensure-install.mjs";
ensureNpmInstall();
const { prismaGenerate } = await import("./prisma-generate.mjs");
prismaGenerate();
const { buildWsqDecoder } = await import("../lib/biometrics/image/build-wsq-decoder.mjs");
await buildWsqDecoder();
