// A plain datashare sealed at rest (bodyStorage LOCAL_KEY) reads back transparently for the case view, next to
// a row stored as received before the column existed (RECEIVED, plain JSON); an altered sealed body is refused.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase } from "./helpers/test-database";
import { seedReadyCase } from "./helpers/seed-cases";
import { loadSubject } from "@/lib/cases/load-subject";
import { sealAtRest } from "@/lib/crypto/seal-at-rest";
import { demoDataKeyPath, getRuntimeDataKey } from "@/lib/crypto/runtime-data-key";
import { getEnv } from "@/lib/env/get-env";
import { getCaseImageCache } from "@/lib/biometrics/case-image-cache";

process.env.MAS_DATA_DIR = mkdtempSync(join(tmpdir(), "mas-sealed-"));

const t = await createTestDatabase("sealed");
const prisma = t.db.prisma;
after(() => t.drop());

const plain = JSON.stringify({ biometrics: null, identity: { fullName: [{ language: "eng", value: "Amina Tazi" }] } });

async function storedCase(storage: "RECEIVED" | "LOCAL_KEY", alter = false) {
  const c = await seedReadyCase(prisma, { candidates: 0 });
  const d = await prisma.datashareDownload.create({
    data: { caseId: c.id, sourceIndex: 0, url: "http://datashare.test/a", state: "STORED", bodyStorage: storage },
  });
  let body = storage === "LOCAL_KEY" ? sealAtRest(Buffer.from(plain), getRuntimeDataKey(getEnv()), d.id) : Buffer.from(plain);
  if (alter) body = Buffer.concat([body.subarray(0, 30), Buffer.from([body[30] ^ 1]), body.subarray(31)]);
  await prisma.datashareDownload.update({ where: { id: d.id }, data: { body: body as Uint8Array<ArrayBuffer> } });
  return c.id;
}

test("development generates the data key once under MAS_DATA_DIR, readable by its owner only", () => {
  getRuntimeDataKey(getEnv());
  assert.equal(statSync(demoDataKeyPath(getEnv())).mode & 0o777, 0o600);
});

test("sealed and as-received bodies both read back; an altered sealed body is refused with a reason", async () => {
  for (const storage of ["LOCAL_KEY", "RECEIVED"] as const) {
    const r = await loadSubject(prisma, await storedCase(storage), "applicant");
    assert.ok(r.ok, storage);
    assert.equal(r.ok && JSON.stringify(r.data.payload.identity).includes("Amina Tazi"), true);
  }
  const caseId = await storedCase("LOCAL_KEY", true);
  getCaseImageCache().dropCase(caseId);
  const r = await loadSubject(prisma, caseId, "applicant");
  assert.equal(r.ok, false);
  assert.match(!r.ok ? r.reason : "", /AES-GCM authentication/);
});
