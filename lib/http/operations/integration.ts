import { answerResendBody } from "@/lib/cases/answer-resend";
import { caseIdParams } from "@/lib/cases/case-params";
import { retryDownloadsBody } from "@/lib/cases/retry-case-downloads";
import { outboxIdParams } from "@/lib/integration/list-integration";
import { outboxQuery } from "@/lib/integration/list-integration";
import { pageQuery } from "@/lib/integration/list-integration";
import { resolveBody } from "@/lib/integration/list-integration";
import { retryBody } from "@/lib/integration/list-integration";
import { operation } from "../operation";

/** The MOSIP integration console: inbox, intake errors, datashare failures and the outbox. */
export const integrationOperations = {
  integrationStatus: operation({
    method: "GET",
    path: "/api/admin/integration/status",
    permission: "integration.view",
    summary: "Broker connection (consumer and sender), outbox counts, inbox outcomes of the last 24 h, cases with data unavailable",
    response: { status: 200 },
  }),
  listInbox: operation({
    method: "GET",
    path: "/api/admin/integration/inbox",
    permission: "integration.view",
    summary: "Messages received from MOSIP, newest first (no bodies)",
    query: pageQuery,
    response: { status: 200 },
  }),
  listIntakeErrors: operation({
    method: "GET",
    path: "/api/admin/integration/intake-errors",
    permission: "integration.view",
    summary: "Messages that could not be understood, with the error code, the reason and the raw body (datashare URLs masked)",
    query: pageQuery,
    response: { status: 200 },
  }),
  listDatashareFailures: operation({
    method: "GET",
    path: "/api/admin/integration/datashare-failures",
    permission: "integration.view",
    summary:
      "Cases whose datashares could not be fetched (DATA_UNAVAILABLE), and cases still retrying failing downloads, with codes and attempts",
    response: { status: 200 },
  }),
  retryCaseDownloads: operation({
    method: "POST",
    path: "/api/admin/integration/cases/{id}/retry-downloads",
    permission: "integration.operate",
    summary: "Fetch a DATA_UNAVAILABLE case's failed datashares again (409 in any other state)",
    params: caseIdParams,
    body: retryDownloadsBody,
    response: { status: 200 },
  }),
  answerResend: operation({
    method: "POST",
    path: "/api/admin/integration/cases/{id}/answer-resend",
    permission: "integration.operate",
    summary: "Answer MOSIP with returnValue 2 (resend) for a DATA_UNAVAILABLE case; MOSIP then sends a new request",
    params: caseIdParams,
    body: answerResendBody,
    response: { status: 200 },
  }),
  listOutbox: operation({
    method: "GET",
    path: "/api/admin/integration/outbox",
    permission: "integration.view",
    summary: "Responses to MOSIP, newest first, with counts per state: returnValue and candidate count only, never RIDs or comments",
    query: outboxQuery,
    response: { status: 200 },
  }),
  readOutboxBody: operation({
    method: "GET",
    path: "/api/admin/integration/outbox/{id}/body",
    // The handler also requires cases.viewAll, so that a refusal is audited (lib/integration/read-outbox-body.ts).
    permission: "integration.view",
    summary:
      "One response's full body (candidate RIDs, comments); needs cases.viewAll as well (403 and an audit row otherwise); every read audited",
    params: outboxIdParams,
    response: { status: 200 },
  }),
  retryOutboxMessage: operation({
    method: "POST",
    path: "/api/admin/integration/outbox/{id}/retry",
    permission: "integration.operate",
    summary: "Queue a FAILED response again (409 in any other state)",
    params: outboxIdParams,
    body: retryBody,
    response: { status: 200 },
  }),
  resolveOutboxMessage: operation({
    method: "POST",
    path: "/api/admin/integration/outbox/{id}/resolve",
    permission: "integration.operate",
    summary: "Settle an UNCERTAIN response: markSent (MOSIP has it) or sendNow (MOSIP does not; a wrong sendNow can fail MOSIP's packet)",
    params: outboxIdParams,
    body: resolveBody,
    response: { status: 200 },
  }),
};
