// The embedded database (PGlite) runs the same intake and download SQL: advisory locks, SKIP LOCKED,
// interactive transactions. The demo mode and the built-in simulator depend on it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "@/lib/db/open-database";
import { applyMigrations, readMigrations } from "@/lib/db/apply-migrations";
import { receiveRequest } from "@/lib/intake/receive-request";
import { claimDownloads } from "@/lib/datashare/claim-downloads";
import { recordDownloadResult } from "@/lib/datashare/record-download-result";
import { intakeOptions, verificationRequest } from "./helpers/bridge-helpers";

test("intake, duplicate, claim and store on PGlite", async () => {
  const dir = mkdtempSync(join(tmpdir(), "mas-pglite-"));
  const db = await openDatabase({ kind: "pglite", dir });
  try {
    await applyMigrations(db.sql, readMigrations());
    const body = new TextEncoder().encode(JSON.stringify(verificationRequest({})));
    const opts = intakeOptions();
    assert.equal((await receiveRequest(db.prisma, { destination: "q", headers: {}, body }, opts)).outcome, "created");
    assert.equal((await receiveRequest(db.prisma, { destination: "q", headers: {}, body }, opts)).outcome, "duplicate");
    const claimed = await claimDownloads(db.prisma, 5, 60_000);
    assert.equal(claimed.length, 1);
    assert.deepEqual(await claimDownloads(db.prisma, 5, 60_000), [], "a claimed row is not handed out twice");
    const state = await recordDownloadResult(
      db.prisma,
      claimed[0],
      { ok: true, body: Buffer.from("share") },
      { validityMs: 60_000, retryBaseMs: 1, retryMaxMs: 2 },
    );
    assert.equal(state, "STORED");
    assert.equal((await db.prisma.case.findFirstOrThrow()).state, "READY");
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
