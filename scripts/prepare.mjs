import { ensureNpmInstall } from "./lib/ensure-install.mjs";
ensureNpmInstall();
const { prismaGenerate } = await import("./prisma-generate.mjs");
prismaGenerate();
// Worker threads load plain-JS bundles of TypeScript (lib/process/build-worker-bundles.mjs).
const { buildWorkerBundles } = await import("../lib/process/build-worker-bundles.mjs");
await buildWorkerBundles();
