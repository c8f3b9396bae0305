import assert from "node:assert/strict";
import { after, test } from "node:test";
import { recordAudit } from "@/lib/audit/record-audit";
import { createTestDatabase } from "./helpers/test-database";

const t = await createTestDatabase("audit");
const prisma = t.db.prisma;
after(() => t.drop());

test("the audit log takes new rows but refuses UPDATE, DELETE and TRUNCATE, even from the app's own connection", async () => {
  await recordAudit(prisma, { actor: null, action: "signin.failed", details: { reason: "unknown-user" } });
  const row = await prisma.auditEvent.findFirstOrThrow({ where: { action: "signin.failed" } });
  await assert.rejects(prisma.auditEvent.update({ where: { id: row.id }, data: { action: "nothing.happened" } }), /append-only/);
  await assert.rejects(prisma.auditEvent.deleteMany(), /append-only/);
  await assert.rejects(prisma.$executeRawUnsafe(`TRUNCATE "AuditEvent"`), /append-only/);
  await assert.rejects(prisma.$executeRawUnsafe(`DELETE FROM "AuditEvent" WHERE id = ${row.id}`), /append-only/);
  const still = await prisma.auditEvent.findUniqueOrThrow({ where: { id: row.id } });
  assert.equal(still.action, "signin.failed");
});
