// One request driven through intake, download, READY, two reviews and the answer to MOSIP, then scraped:
// every metric of the path has its value, the database gauges count the cluster, and no label holds a RID,
// a request id, a user name or a URL.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { createTestDatabase } from "./helpers/test-database";
import { seedUser } from "./helpers/seed-cases";
import { allowedOrigins, intakeOptions, verificationRequest, waitFor, rid } from "./helpers/bridge-helpers";
import { seedRolePermissions } from "@/lib/auth/seed-role-permissions";
import { receiveRequest } from "@/lib/intake/receive-request";
import { startDownloadWorker } from "@/lib/datashare/run-download-worker";
import { assignWaitingCases } from "@/lib/cases/assign-cases";
import { decisionBody } from "@/lib/cases/decision-input";
import { recordDecision } from "@/lib/cases/record-decision";
import { startOutboxPublisher } from "@/lib/outbox/publish-outbox";
import { connectInProcessSender } from "@/lib/outbox/connect-in-process-sender";
import { refreshMetricGauges } from "@/lib/integration/refresh-metric-gauges";
import { createApiRoute } from "@/lib/http/api-route";
import { operations } from "@/lib/http/operations";
import { scrape } from "@/lib/metrics/metrics";
import { createLogger } from "@/lib/log/logger";
import { parseEnv } from "@/lib/env/env-schema";

const t = await createTestDatabase("metrics");
const prisma = t.db.prisma;
await seedRolePermissions(prisma);
const share = createServer((_req, res) => res.end("encrypted-share-bytes"));
await new Promise<void>((r) => share.listen(0, "127.0.0.1", r));
after(async () => {
  share.close();
  await t.drop();
});

const line = (text: string, re: RegExp) => text.split("\n").find((l) => re.test(l));
const value = (text: string, re: RegExp) => Number(line(text, re)?.split(" ").pop());

test("a request through intake, review and answer shows in the scrape, with no personal label", async () => {
  const mosip = parseEnv({}).mosip;
  const silent = () => {};
  const referenceId = rid();
  const requestId = `req-${Date.now()}`;
  const { port } = share.address() as { port: number };
  const body = new TextEncoder().encode(
    JSON.stringify(verificationRequest({ requestId, referenceId, referenceURL: `http://127.0.0.1:${port}/v1/datashare/get/p/s/v` })),
  );
  const received = await receiveRequest(
    prisma,
    { destination: mosip.queues.verificationRequest, headers: {}, body },
    intakeOptions([`http://127.0.0.1:${port}`]),
  );
  assert.equal(received.outcome, "created");
  const caseId = received.outcome === "created" ? received.caseId : "";
  const downloads = startDownloadWorker(prisma, {
    ...mosip.datashare,
    allowedOrigins: allowedOrigins(`http://127.0.0.1:${port}`),
    pollMs: 50,
    log: silent,
  });
  await waitFor("READY", async () => (await prisma.case.findUniqueOrThrow({ where: { id: caseId } })).state === "READY");
  await downloads.stop();

  const primary = await seedUser(prisma, ["OPERATOR"], { canPrimary: true, canSecondary: false });
  assert.equal(await assignWaitingCases(prisma), 1);
  const verdict = decisionBody.parse({ approve: true });
  assert.equal(await recordDecision(prisma, primary, caseId, verdict, mosip), "AWAITING_SECONDARY");
  const secondary = await seedUser(prisma, ["OPERATOR"], { canPrimary: false, canSecondary: true });
  assert.equal(await assignWaitingCases(prisma), 1);
  assert.equal(await recordDecision(prisma, secondary, caseId, verdict, mosip), "DECIDED");

  const answers: string[] = [];
  const publisher = startOutboxPublisher(
    prisma,
    connectInProcessSender((_q, b) => answers.push(b)),
    {
      staleSendingMs: 60_000,
      pollMs: 50,
      log: silent,
    },
  );
  await waitFor("ANSWERED", async () => (await prisma.case.findUniqueOrThrow({ where: { id: caseId } })).state === "ANSWERED");
  await publisher.stop();

  // An API request, labelled by the registry's name of its operation.
  const gate = createApiRoute({ ready: async () => t.db, getCurrentUser: async () => null, logger: createLogger({ level: "silent" }) });
  await gate(operations.healthReady, async () => new Response("ok"))(new Request("http://localhost/api/health/ready"), {
    params: Promise.resolve({}),
  });

  await refreshMetricGauges(prisma);
  const { text } = await scrape();
  const q = mosip.queues.verificationRequest;
  assert.equal(value(text, new RegExp(`^mas_intake_messages_total\\{queue="${q}",outcome="created"\\}`)), 1);
  assert.equal(value(text, /^mas_datashare_downloads_total\{result="stored"\}/), 1);
  assert.equal(value(text, /^mas_datashare_download_seconds_count\{result="stored"\}/), 1);
  assert.equal(value(text, /^mas_request_to_ready_seconds_count/), 1);
  assert.equal(value(text, /^mas_decisions_total\{kind="awaiting_secondary"\}/), 1);
  assert.equal(value(text, /^mas_decisions_total\{kind="decided"\}/), 1);
  assert.equal(value(text, /^mas_decision_to_receipt_seconds_count/), 1);
  assert.equal(value(text, /^mas_cases\{state="ANSWERED"\}/), 1);
  assert.equal(value(text, /^mas_cases\{state="READY"\}/), 0);
  assert.equal(value(text, /^mas_outbox_messages\{state="SENT"\}/), 1);
  assert.equal(value(text, /^mas_http_request_duration_seconds_count\{route="healthReady",method="GET",status="2xx"\}/), 1);
  assert.ok(line(text, /^mas_process_resident_memory_bytes/), "process metrics are exposed too");

  for (const secret of [referenceId, requestId, caseId, primary.username, secondary.username, "127.0.0.1", "http://"])
    assert.ok(!text.includes(secret), `${secret} appears in the metrics`);
});
