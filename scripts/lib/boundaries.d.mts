export function readLayers(markdown: string): string[][];
export function boundaryRules(layers: string[][]): unknown[];
export function unplacedFolders(baseDir: string, layers: string[][]): string[];
export function checkBoundaries(baseDir?: string, layers?: string[][]): Promise<{ problems: string[]; modules: number }>;
