import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/db/generated/client";
import { type DataRetrySummary, FAILING_DOWNLOAD, summarizeDataRetries } from "@/lib/cases/summarize-data-retries";
import { maskDatashareUrls } from "./mask-datashare-urls";

// Read models of the admin integration page. Nothing here returns a datashare URL or a datashare body:
// raw request bodies are shown with their URLs masked, downloads by state, error code and reason (which may name
// a datashare origin: the console needs integration.view, held by admins and supervisors; officers see a generic
// reason, lib/cases/get-case-view.ts).

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Cursor: the id of the last row of the previous page. */
  before: z.string().regex(/^\d+$/, "must be a message id").optional(),
});

export const outboxQuery = z.object({
  state: z.enum(["PENDING", "SENDING", "SENT", "UNCERTAIN", "FAILED"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export interface InboxRow {
  id: string;
  receivedAt: string;
  destination: string;
  format: "TEXT" | "BYTES";
  outcome: "CREATED" | "DUPLICATE" | "REJECTED";
  requestId: string | null;
  bodySize: number;
  redelivered: boolean;
  caseId: string | null;
}

export async function listInbox(
  prisma: PrismaClient,
  q: z.output<typeof pageQuery>,
): Promise<{ messages: InboxRow[]; next: string | null }> {
  const rows = await prisma.inboxMessage.findMany({
    where: q.before ? { id: { lt: BigInt(q.before) } } : {},
    orderBy: { id: "desc" },
    take: q.limit,
    select: {
      id: true,
      receivedAt: true,
      destination: true,
      format: true,
      outcome: true,
      requestId: true,
      bodySize: true,
      redelivered: true,
      cases: { select: { id: true }, take: 1 },
    },
  });
  // A DUPLICATE message points at no case row of its own: find the case by its requestId.
  const dupIds = rows.filter((r) => r.cases.length === 0 && r.requestId).map((r) => r.requestId!);
  const byRequest = new Map(
    (await prisma.case.findMany({ where: { requestId: { in: dupIds } }, select: { id: true, requestId: true } })).map((c) => [
      c.requestId,
      c.id,
    ]),
  );
  return {
    messages: rows.map((r) => ({
      id: r.id.toString(),
      receivedAt: r.receivedAt.toISOString(),
      destination: r.destination,
      format: r.format,
      outcome: r.outcome,
      requestId: r.requestId,
      bodySize: r.bodySize,
      redelivered: r.redelivered,
      caseId: r.cases[0]?.id ?? (r.requestId ? (byRequest.get(r.requestId) ?? null) : null),
    })),
    next: rows.length === q.limit ? rows[rows.length - 1].id.toString() : null,
  };
}

export interface IntakeErrorRow extends Omit<InboxRow, "outcome" | "caseId"> {
  errorCode: string | null;
  errorReason: string | null;
  bodyTruncated: boolean;
  /** The body as text with every URL's last path segment masked; null once purged by retention. */
  body: string | null;
}

const MAX_SHOWN = 64 * 1024;

export async function listIntakeErrors(
  prisma: PrismaClient,
  q: z.output<typeof pageQuery>,
): Promise<{ errors: IntakeErrorRow[]; next: string | null }> {
  const rows = await prisma.inboxMessage.findMany({
    where: { outcome: "REJECTED", ...(q.before ? { id: { lt: BigInt(q.before) } } : {}) },
    orderBy: { id: "desc" },
    take: q.limit,
  });
  return {
    errors: rows.map((r) => {
      const text = r.body ? Buffer.from(r.body).subarray(0, MAX_SHOWN).toString("utf8") : null;
      return {
        id: r.id.toString(),
        receivedAt: r.receivedAt.toISOString(),
        destination: r.destination,
        format: r.format,
        requestId: r.requestId,
        bodySize: r.bodySize,
        redelivered: r.redelivered,
        errorCode: r.errorCode,
        errorReason: r.errorReason,
        bodyTruncated: r.bodyTruncated || (r.body?.byteLength ?? 0) > MAX_SHOWN,
        body: text === null ? null : maskDatashareUrls(text),
      };
    }),
    next: rows.length === q.limit ? rows[rows.length - 1].id.toString() : null,
  };
}

export interface DatashareFailureRow {
  caseId: string;
  requestId: string;
  kind: "ADJUDICATION" | "VERIFICATION";
  /** DATA_UNAVAILABLE: given up. FETCHING: some downloads are failing and still being retried. */
  state: "DATA_UNAVAILABLE" | "FETCHING";
  receivedAt: string;
  deadlineAt: string | null;
  dataErrorCode: string | null;
  /** Failed (or, while FETCHING, failing) downloads by subject: "applicant" or the candidate's position (1-based). */
  failures: {
    subject: string;
    code: string | null;
    /** The last failure's reason (may name the datashare origin, never the URL): integration console only, never an officer's page. */
    reason: string | null;
    attempts: number;
    retrying: boolean;
    nextAttemptAt: string | null;
  }[];
  /** While FETCHING: since when the failing downloads have been tried and how often. */
  retrying: DataRetrySummary | null;
}

const FAILING = FAILING_DOWNLOAD;

export async function listDatashareFailures(prisma: PrismaClient): Promise<DatashareFailureRow[]> {
  const cases = await prisma.case.findMany({
    where: { OR: [{ state: "DATA_UNAVAILABLE" }, { state: "FETCHING", downloads: { some: FAILING } }] },
    orderBy: { receivedAt: "asc" },
    take: 200,
    select: {
      id: true,
      requestId: true,
      kind: true,
      state: true,
      receivedAt: true,
      deadlineAt: true,
      dataErrorCode: true,
      downloads: {
        where: { OR: [{ state: "FAILED" }, FAILING] },
        select: {
          state: true,
          lastErrorCode: true,
          lastError: true,
          attempts: true,
          nextAttemptAt: true,
          createdAt: true,
          candidate: { select: { position: true } },
        },
      },
    },
  });
  return cases.map((c) => {
    const failing = c.downloads.filter((d) => d.state !== "FAILED");
    return {
      caseId: c.id,
      requestId: c.requestId,
      kind: c.kind,
      state: c.state === "FETCHING" ? "FETCHING" : "DATA_UNAVAILABLE",
      receivedAt: c.receivedAt.toISOString(),
      deadlineAt: c.deadlineAt?.toISOString() ?? null,
      dataErrorCode: c.dataErrorCode,
      failures: c.downloads.map((d) => ({
        subject: d.candidate ? `candidate ${d.candidate.position + 1}` : "applicant",
        code: d.lastErrorCode,
        reason: d.lastError,
        attempts: d.attempts,
        retrying: d.state !== "FAILED",
        nextAttemptAt: d.state === "PENDING" ? d.nextAttemptAt.toISOString() : null,
      })),
      retrying: c.state === "FETCHING" ? summarizeDataRetries(failing) : null,
    };
  });
}

export interface OutboxRow {
  id: string;
  caseId: string;
  requestId: string;
  caseState: string;
  destination: string;
  format: "TEXT" | "BYTES";
  state: "PENDING" | "SENDING" | "SENT" | "UNCERTAIN" | "FAILED";
  attempts: number;
  lastError: string | null;
  createdAt: string;
  nextAttemptAt: string;
  sendingAt: string | null;
  sentAt: string | null;
  /** What was answered, read from the response; null when it cannot be read (or was purged by retention). */
  returnValue: number | null;
  /** candidateList.count of the response: how many candidates were confirmed duplicates. */
  candidateCount: number | null;
  /** The response body was purged by retention. The body itself (RIDs, comments) is never listed: readOutboxBody. */
  bodyPurged: boolean;
}

/** returnValue and candidate count of a response body, and nothing else of it. */
export function summarizeResponse(body: string | null): { returnValue: number | null; candidateCount: number | null } {
  if (body === null) return { returnValue: null, candidateCount: null };
  try {
    const r = JSON.parse(body) as { returnValue?: unknown; candidateList?: { count?: unknown } | null };
    return {
      returnValue: typeof r.returnValue === "number" ? r.returnValue : null,
      candidateCount: typeof r.candidateList?.count === "number" ? r.candidateList.count : null,
    };
  } catch {
    return { returnValue: null, candidateCount: null };
  }
}

export async function listOutbox(prisma: PrismaClient, q: z.output<typeof outboxQuery>): Promise<OutboxRow[]> {
  const rows = await prisma.outboxMessage.findMany({
    where: q.state ? { state: q.state } : {},
    // The ones needing attention first, then the newest.
    orderBy: [{ createdAt: "desc" }],
    take: q.limit,
    include: { case: { select: { state: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    caseId: r.caseId,
    requestId: r.requestId,
    caseState: r.case.state,
    destination: r.destination,
    format: r.format,
    state: r.state,
    attempts: r.attempts,
    lastError: r.lastError,
    createdAt: r.createdAt.toISOString(),
    nextAttemptAt: r.nextAttemptAt.toISOString(),
    sendingAt: r.sendingAt?.toISOString() ?? null,
    sentAt: r.sentAt?.toISOString() ?? null,
    ...summarizeResponse(r.body),
    bodyPurged: r.body === null,
  }));
}

export const outboxIdParams = z.object({ id: z.uuid() });
/** Empty on purpose: the action needs nothing but the id; a body keeps every action a JSON POST. */
export const retryBody = z.strictObject({});
export const resolveBody = z.strictObject({
  resolution: z.enum(["markSent", "sendNow"]),
  confirm: z.literal(true, { error: "confirm must be true: a wrong choice either loses the answer or sends MOSIP a second one" }),
});
