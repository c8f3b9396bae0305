import { readFileSync } from "node:fs";

export const SERVERS_FILE = ".test-work/e2e-servers.json";

export interface Credentials {
  username: string;
  password: string;
}
export interface ServerInfo {
  baseURL: string;
  admin: Credentials;
  pid: number;
  /** The server's own database (postgresql project only), for specs that seed rows no API creates (e.g. broker traffic). */
  databaseUrl?: string;
}

export function servers(): Record<"postgresql" | "embedded", ServerInfo> {
  return JSON.parse(readFileSync(SERVERS_FILE, "utf8"));
}
