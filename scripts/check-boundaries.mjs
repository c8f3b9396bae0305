// `npm test` step: the import order of docs/architecture.md, enforced by dependency-cruiser.
import { checkBoundaries } from "./lib/boundaries.mjs";

const { problems, modules } = await checkBoundaries();
if (problems.length) {
  console.error(`[boundaries] ${problems.length} import(s) break the order in docs/architecture.md:`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
console.log(`[boundaries] ${modules} modules follow the order in docs/architecture.md`);
