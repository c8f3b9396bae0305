import { readFileSync } from "node:fs";

export const SERVERS_FILE = ".test-work/e2e-servers.json";
/** MAS_DATA_DIR of the embedded server: its PGlite database is in pglite/ under it. */
export const EMBEDDED_DATA_DIR = ".test-work/e2e-embedded-data";

/** Where a server's simulator records the identities it invents (MAS_SIMULATOR_RECORD_FILE). */
export function identityRecordFile(server: string): string {
  return `.test-work/e2e-${server}-identities.ndjson`;
}

/** Where a server's simulator records which candidates are true duplicates (MAS_SIMULATOR_TRUTH_FILE). */
export function truthRecordFile(server: string): string {
  return `.test-work/e2e-${server}-truth.ndjson`;
}

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

/** The OpenID Connect provider the postgresql server trusts (e2e/support/oidc-provider.mjs). */
export interface OidcInfo {
  pid: number;
  issuer: string;
  /** The button on /signin. */
  name: string;
  /** login → { sub, username, roles }: rewritten by specs to change what the IdP asserts. */
  accountsFile: string;
}

export interface IdpAccount {
  sub: string;
  username: string;
  roles?: string[];
}

export function servers(): Record<"postgresql" | "embedded", ServerInfo> & { oidc: OidcInfo } {
  return JSON.parse(readFileSync(SERVERS_FILE, "utf8"));
}
