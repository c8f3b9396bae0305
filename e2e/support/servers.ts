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
}

export function servers(): Record<"postgresql" | "embedded", ServerInfo> {
  return JSON.parse(readFileSync(SERVERS_FILE, "utf8"));
}
