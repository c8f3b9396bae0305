import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { pgDump, pgliteDump, scanForPii } from "../../scripts/lib/pii-scan.mjs";
import { pgBin } from "../../scripts/lib/postgres.mjs";
import { EMBEDDED_DATA_DIR, identityRecordFile, type ServerInfo } from "./servers";

const IDENTITY_FIXTURES = "test/fixtures/mosip/identity";
const LOGS = [".test-work/e2e-postgresql.log", ".test-work/e2e-embedded.log", ".test-work/e2e-oidc.log"];

/**
 * After the servers have stopped: no name, date of birth, address line, phone or e-mail of the test people
 * (the simulator's, recorded during the run, and MOSIP's sample identities) in any server log or anywhere in
 * the databases of both servers (the postgresql server's, and the embedded server's PGlite, read once that server
 * has stopped). Throws, naming each file:line or table.column, never the value.
 */
export async function assertNoPlaintextPii(postgresql: ServerInfo): Promise<void> {
  const identityFiles = readdirSync(IDENTITY_FIXTURES)
    .filter((f) => f.endsWith(".json"))
    .map((f) => join(IDENTITY_FIXTURES, f));
  const dump = postgresql.databaseUrl ? pgDump(postgresql.databaseUrl, pgBin()) : undefined;
  const pglite = `${EMBEDDED_DATA_DIR}/pglite`;
  if (!existsSync(pglite)) throw new Error(`the embedded server's database ${pglite} is missing: the PII scan cannot read it`);
  const dumps = [{ name: "embedded database", dump: await pgliteDump(pglite) }];
  const result = scanForPii({
    recordFiles: [identityRecordFile("postgresql"), identityRecordFile("embedded")],
    identityFiles,
    logs: LOGS,
    dump,
    dumps,
  });
  console.log(
    `[pii-scan] ${result.identities} simulated people and the MOSIP samples (${result.values} values) searched in ${LOGS.length} logs and ${result.rows} database rows (PostgreSQL and the embedded PGlite)`,
  );
  if (result.identities === 0)
    console.warn("[pii-scan] the simulator recorded no identity in this run: only the MOSIP samples were searched");
  if (result.findings.length > 0) {
    throw new Error(
      `personal data of the test people in clear (${result.findings.length} place(s)):\n  ${result.findings.join("\n  ")}\n` +
        "Decrypted demographics are never logged nor stored in clear: find what wrote them there.",
    );
  }
}
