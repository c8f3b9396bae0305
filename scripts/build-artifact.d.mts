export const ARTIFACT_DIR: string;
export function buildArtifact(options?: { out?: string }): Promise<string>;
