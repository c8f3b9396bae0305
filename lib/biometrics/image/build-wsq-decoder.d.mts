/** Bundles lib/biometrics/wsq into wsq-decoder.generated.mjs unless it is already up to date. */
export function buildWsqDecoder(options?: { force?: boolean; imageDir?: string }): Promise<{ built: boolean; path: string }>;
