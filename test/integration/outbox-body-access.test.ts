// The integration console lists responses to MOSIP without their bodies (RIDs, comments): returnValue and the
// candidate count only. One response's body is read through its own operation, with cases.viewAll, audited; a
// refusal is audited too. Through the real route gate, on real PostgreSQL, with seeded role grants.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { createTestDatabase } from "./helpers/test-database";
import { seedReadyCase, seedUser } from "./helpers/seed-cases";
import { seedRolePermissions } from "@/lib/auth/seed-role-permissions";
import { createApiRoute } from "@/lib/http/api-route";
import { operations } from "@/lib/http/operations";
import { listOutbox } from "@/lib/integration/list-integration";
import { readOutboxBody } from "@/lib/integration/read-outbox-body";
import type { SessionUser } from "@/lib/auth/load-user";

const t = await createTestDatabase("outbox_body");
const prisma = t.db.prisma;
after(() => t.drop());
await seedRolePermissions(prisma);

const c = await seedReadyCase(prisma, { candidates: 2 });
const duplicateRid = c.candidates[0].referenceId;
const comment = "same face as the first candidate";
const body = JSON.stringify({
  id: "mosip.manual.adjudication.adjudicate",
  requestId: c.requestId,
  returnValue: 1,
  candidateList: { count: 1, candidates: [{ referenceId: duplicateRid, analytics: { comment } }] },
});
await prisma.case.update({ where: { id: c.id }, data: { state: "DECIDED" } });
const outbox = await prisma.outboxMessage.create({
  data: { caseId: c.id, requestId: c.requestId, destination: "adjudication-to-mosip", format: "TEXT", body },
});

function route(user: SessionUser) {
  const apiRoute = createApiRoute({ ready: async () => t.db, getCurrentUser: async () => user });
  return apiRoute(operations.readOutboxBody, async ({ db, user: u, params }) =>
    Response.json(await readOutboxBody(db.prisma, u, params.id)),
  );
}
const get = (user: SessionUser) =>
  route(user)(new Request(`http://localhost/api/admin/integration/outbox/${outbox.id}/body`), {
    params: Promise.resolve({ id: outbox.id }),
  });

test("the outbox list shows returnValue and candidate count, never a RID or a comment", async () => {
  const rows = await listOutbox(prisma, { limit: 50 });
  assert.equal(rows.length, 1);
  assert.equal(rows[0].returnValue, 1);
  assert.equal(rows[0].candidateCount, 1);
  assert.equal(rows[0].bodyPurged, false);
  const listed = JSON.stringify(rows);
  for (const s of [duplicateRid, c.referenceId, comment]) assert.ok(!listed.includes(s), `the list holds ${s}`);
});

test("without cases.viewAll: 403 and a refused-access audit row; with it: the body and an audit row", async () => {
  const admin = await seedUser(prisma, ["ADMIN"]);
  assert.ok(admin.permissions.includes("integration.view") && !admin.permissions.includes("cases.viewAll"));
  const refused = await get(admin);
  assert.equal(refused.status, 403);
  assert.ok(!JSON.stringify(await refused.json()).includes(duplicateRid));
  const refusal = await prisma.auditEvent.findFirstOrThrow({ where: { action: "outbox.bodyRefused", actorId: admin.id } });
  assert.equal(refusal.targetId, outbox.id);
  assert.equal(await prisma.auditEvent.count({ where: { action: "outbox.bodyViewed" } }), 0);

  const supervisor = await seedUser(prisma, ["SUPERVISOR"]);
  const shown = await get(supervisor);
  assert.equal(shown.status, 200);
  assert.deepEqual(await shown.json(), { id: outbox.id, caseId: c.id, body });
  const viewed = await prisma.auditEvent.findFirstOrThrow({ where: { action: "outbox.bodyViewed", actorId: supervisor.id } });
  assert.equal(viewed.targetId, outbox.id);
  assert.deepEqual(viewed.details, { caseId: c.id });
  assert.ok(!JSON.stringify(viewed.details).includes(duplicateRid));
});
