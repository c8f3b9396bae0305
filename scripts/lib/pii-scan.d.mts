export function valuesFromRecords(lines: string[]): Map<string, string>;
export function valuesFromIdentityJson(json: unknown): Map<string, string>;
export function scanLog(name: string, text: string, values: Map<string, string>): string[];
export function scanPgDump(dump: string, values: Map<string, string>): { rows: number; findings: string[] };
export function pgDump(databaseUrl: string, bin: string): string;
export function pgliteDump(dir: string): Promise<string>;
export function scanForPii(input: {
  recordFiles: string[];
  identityFiles: string[];
  logs: string[];
  dump?: string;
  dumps?: { name: string; dump: string }[];
}): {
  findings: string[];
  identities: number;
  values: number;
  rows: number;
};
