import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Where a file the server loads from disk at run time (a worker, a generated bundle) is, given its project-relative
 * path: under the working directory (`next start`, the artifact, tests), else relative to this module when it runs
 * from source. Null when neither exists. The turbopackIgnore comments keep Next's output tracing from copying the
 * whole project: these files are listed in next.config.ts outputFileTracingIncludes.
 */
export function findProjectFile(projectPath: string): string | null {
  const candidates = [join(/* turbopackIgnore: true */ process.cwd(), projectPath)];
  try {
    candidates.push(join(/* turbopackIgnore: true */ dirname(fileURLToPath(import.meta.url)), "..", "..", projectPath));
  } catch {
    // import.meta.url is not a file: URL inside some bundles.
  }
  return candidates.find((p) => existsSync(/* turbopackIgnore: true */ p)) ?? null;
}

/** The project root for a file at a known project-relative path. */
export function projectRootOf(file: string, projectPath: string): string {
  const depth = projectPath.split("/").length;
  let root = file;
  for (let i = 0; i < depth; i++) root = dirname(root);
  return root;
}
