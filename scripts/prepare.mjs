import { ensureNpmInstall } from "./lib/ensure-install.mjs";
ensureNpmInstall();
const { prismaGenerate } = await import("./prisma-generate.mjs");
prismaGenerate();
