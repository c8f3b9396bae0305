// Shared by the outbox-*.test.ts files: cases ready for a decision, final decisions recorded the way the
// workbench records them (buildCaseResponse + recordFinalDecision), and the publisher with test timings.
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { MosipEnv } from "@/lib/env/env-schema";
import { buildCaseResponse, type Reviewer } from "@/lib/cases/build-case-response";
import { recordFinalDecision } from "@/lib/cases/record-final-decision";
import { decisionBody, type DecisionInput } from "@/lib/cases/decision-input";
import { startResponsePublisher, type ResponsePublisher, type ResponsePublisherOptions } from "@/lib/outbox/start-response-publisher";
import type { AdjudicationResponse, VerificationResponse } from "@/lib/mosip/adjudication-response";
import { rid } from "./bridge-helpers";

export const ADMIN = { id: randomUUID(), username: "chief" };

export interface ReadyCase {
  id: string;
  requestId: string;
  referenceId: string;
  kind: "ADJUDICATION" | "VERIFICATION";
  gallery: { referenceId: string }[];
}

/** A case whose data has arrived (READY), as intake and the download worker leave it. */
export async function createReadyCase(prisma: PrismaClient, kind: "ADJUDICATION" | "VERIFICATION", galleryCount = 3): Promise<ReadyCase> {
  const requestId = randomUUID();
  const referenceId = rid();
  const gallery = kind === "ADJUDICATION" ? Array.from({ length: galleryCount }, () => ({ referenceId: rid() })) : [];
  const c = await prisma.case.create({
    data: {
      requestId,
      referenceId,
      kind,
      state: "READY",
      candidateCount: gallery.length,
      applicantDataStatus: "AVAILABLE",
      candidates: { create: gallery.map((g, position) => ({ referenceId: g.referenceId, position, dataStatus: "AVAILABLE" as const })) },
    },
  });
  return { id: c.id, requestId, referenceId, kind, gallery };
}

export function buildResponse(
  kase: ReadyCase,
  decision: unknown,
  mosip: Pick<MosipEnv, "verificationRejectValue">,
  reviewers: { primary?: Reviewer; secondary?: Reviewer | null } = {},
) {
  return buildCaseResponse({
    kase,
    decision: decisionBody.parse(decision) as DecisionInput,
    primary: reviewers.primary ?? { username: "op.one", comment: "looked at all modalities" },
    secondary: reviewers.secondary === undefined ? { username: "op.two", comment: "agree" } : reviewers.secondary,
    verificationRejectValue: mosip.verificationRejectValue,
  });
}

export async function decide(
  prisma: PrismaClient,
  kase: ReadyCase,
  response: AdjudicationResponse | VerificationResponse,
  mosip: MosipEnv,
): Promise<void> {
  await prisma.$transaction((tx) =>
    recordFinalDecision(tx, { caseId: kase.id, response, mosip, actor: { id: ADMIN.id, username: "op.two" } }),
  );
}

/** Test timings: quick polls and reconnects, a short receipt timeout. */
export function startTestPublisher(
  prisma: PrismaClient,
  env: MosipEnv,
  logs: string[],
  extra: ResponsePublisherOptions = {},
): ResponsePublisher {
  return startResponsePublisher(prisma, env, {
    pollMs: 100,
    retry: { baseMs: 100, maxMs: 500 },
    receiptTimeoutMs: 3000,
    heartbeatMs: 2000,
    reconnect: { baseMs: 100, maxMs: 500 },
    log: (l) => logs.push(l),
    ...extra,
  });
}

/** A side set of queue names per test, so that each test drains only its own responses. */
export function withQueues(env: MosipEnv, name: string, format?: "text" | "bytes"): MosipEnv {
  return {
    ...env,
    responseFormat: format ?? env.responseFormat,
    queues: { ...env.queues, adjudicationResponse: `${name}-adjudication-to-mosip`, verificationResponse: `${name}-verification-to-mosip` },
  };
}
