/** Bundles the synthesis worker into packet-worker.generated.mjs unless it is already up to date. */
export function buildPacketWorker(options?: { force?: boolean; simulatorDir?: string }): Promise<{ built: boolean; path: string }>;
