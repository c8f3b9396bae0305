// The dependency order of lib/ folders, read from docs/architecture.md (the one place it is written), turned
// into dependency-cruiser rules. A folder may import only folders on lower lines; two folders on one line
// may not import each other. lib/ never imports app/, components/ or tests; components/ never imports app/.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { cruise } from "dependency-cruiser";
import extractTSConfig from "dependency-cruiser/config-utl/extract-ts-config";

/** The ```layers block of docs/architecture.md: one line per layer, top first, folder names separated by spaces. */
export function readLayers(markdown) {
  const m = /```layers\n([\s\S]*?)```/.exec(markdown);
  if (!m) throw new Error("docs/architecture.md has no ```layers block");
  return m[1]
    .split("\n")
    .map((l) => l.replace(/#.*/, "").trim())
    .filter(Boolean)
    .map((l) => l.split(/\s+/));
}

const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function boundaryRules(layers) {
  const rules = [];
  layers.forEach((layer, i) => {
    const notBelow = layers.slice(0, i + 1).flat();
    for (const folder of layer) {
      const forbidden = notBelow.filter((f) => f !== folder);
      if (!forbidden.length) continue;
      rules.push({
        name: `lib-order:${folder}`,
        comment: `lib/${folder} may import only folders listed below it in docs/architecture.md`,
        severity: "error",
        from: { path: `^lib/${esc(folder)}/` },
        to: { path: `^lib/(${forbidden.map(esc).join("|")})/` },
      });
    }
  });
  rules.push(
    {
      name: "lib-not-edge",
      severity: "error",
      comment: "lib/ is below app/ and components/",
      from: { path: "^lib/" },
      to: { path: "^(app|components|e2e|test|scripts)/" },
    },
    {
      name: "components-not-app",
      severity: "error",
      comment: "components/ is below app/",
      from: { path: "^components/" },
      to: { path: "^app/" },
    },
    {
      name: "no-circular",
      severity: "error",
      comment: "modules import each other",
      from: { path: "^(lib|components|app)/" },
      to: { circular: true },
    },
  );
  return rules;
}

/** lib/ folders that the order does not name: every folder must have a place in it. */
export function unplacedFolders(baseDir, layers) {
  const placed = new Set(layers.flat());
  return readdirSync(join(baseDir, "lib")).filter((d) => statSync(join(baseDir, "lib", d)).isDirectory() && !placed.has(d));
}

/** Cruises lib/, components/ and app/ under baseDir; returns one line per violation. */
export async function checkBoundaries(
  baseDir = process.cwd(),
  layers = readLayers(readFileSync(join(baseDir, "docs/architecture.md"), "utf8")),
) {
  const problems = unplacedFolders(baseDir, layers).map((d) => `lib/${d}: not in the \`\`\`layers block of docs/architecture.md`);
  const cwd = process.cwd();
  process.chdir(baseDir);
  try {
    const roots = ["lib", "components", "app"].filter((d) => {
      try {
        return statSync(d).isDirectory();
      } catch {
        return false;
      }
    });
    const tsConfigFile = "tsconfig.json";
    const hasTs = (() => {
      try {
        return statSync(tsConfigFile).isFile();
      } catch {
        return false;
      }
    })();
    const result = await cruise(
      roots,
      {
        validate: true,
        ruleSet: { forbidden: boundaryRules(layers) },
        doNotFollow: { path: "node_modules" },
        exclude: { path: "(^|/)(node_modules|generated)/|\\.generated\\." },
        tsPreCompilationDeps: true,
        ...(hasTs ? { tsConfig: { fileName: tsConfigFile } } : {}),
      },
      hasTs ? { tsConfig: tsConfigFile } : {},
      hasTs ? { tsConfig: extractTSConfig(tsConfigFile) } : {},
    );
    for (const v of result.output.summary.violations)
      problems.push(`${v.rule.name}: ${v.from} → ${v.to}${v.cycle ? ` (cycle: ${v.cycle.map((c) => c.name ?? c).join(" → ")})` : ""}`);
    return { problems, modules: result.output.summary.totalCruised };
  } finally {
    process.chdir(cwd);
  }
}
