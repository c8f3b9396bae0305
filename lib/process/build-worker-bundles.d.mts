export interface WorkerBundleSpec {
  /** Project-relative TypeScript entry. */
  entry: string;
  /** Project-relative output, a *.generated.mjs file. */
  bundle: string;
}

export const WORKER_BUNDLES: readonly WorkerBundleSpec[];

type BuildResult = { built: boolean; path: string };

/** Bundles one entry unless its output is already up to date. */
export function buildWorkerBundle(spec: WorkerBundleSpec, options?: { force?: boolean; root?: string }): Promise<BuildResult>;
/** Bundles every entry of WORKER_BUNDLES that is missing or stale. */
export function buildWorkerBundles(options?: { force?: boolean; root?: string }): Promise<BuildResult[]>;
