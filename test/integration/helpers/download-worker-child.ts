// A second MAS instance reduced to its download worker, for datashare-kill.test.ts: run as a child
// process so the test can kill it with SIGKILL in the middle of a GET, like kill -9 of a real instance.
// Reads the database URL from TEST_CHILD_DB_URL and the datashare allow-list from MOSIP_DATASHARE_ALLOWED_ORIGINS;
// prints "ready" when its worker runs.
import { openDatabase } from "@/lib/db/open-database";
import { startDownloadWorker } from "@/lib/datashare/run-download-worker";
import { parseEnv } from "@/lib/env/env-schema";

const url = process.env.TEST_CHILD_DB_URL;
if (!url) throw new Error("TEST_CHILD_DB_URL is not set");
const db = await openDatabase({ kind: "postgresql", url });
// The production defaults (lease, renewal, validity, backoff); a long timeout so the hanging GET lasts.
startDownloadWorker(db.prisma, {
  ...parseEnv({ MOSIP_DATASHARE_ALLOWED_ORIGINS: process.env.MOSIP_DATASHARE_ALLOWED_ORIGINS }).mosip.datashare,
  timeoutMs: 120_000,
  pollMs: 100,
  log: (l) => console.log(l),
});
console.log("ready");
