export type BundleStatus = "fresh" | "unverified" | "stale" | "missing";

/** Hash of the listed project files (paths relative to `root`), or null when none of them is deployed. */
export function sourcesHash(root: string, files: readonly string[]): string | null;
/** The first lines of a generated bundle: the sources' hash and list, and where it came from. */
export function bundleBanner(hash: string, files: readonly string[], entry: string): string;
/** Whether the bundle at `bundle` matches its sources under the project root `root`. */
export function bundleStatus(bundle: string, root: string): BundleStatus;
/** "fresh" or "unverified": a worker may load it. */
export function isUsableBundle(status: BundleStatus): boolean;
