import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import type { MosipEnv } from "@/lib/env/env-schema";
import { recordAudit, type AuditEntry } from "@/lib/audit/record-audit";
import type { AdjudicationResponse, VerificationResponse } from "@/lib/mosip/adjudication-response";
import { DomainError } from "@/lib/errors/domain-error";
import { knownAnswerKind } from "@/lib/quality/known-answer-case";
import { ANSWERABLE_STATES, isOneOf } from "./case-lifecycle";

/**
 * Makes a decision final: the case becomes DECIDED and the response to MOSIP is queued in the outbox, in the
 * caller's transaction together with its audit row. The outbox's unique keys on caseId and requestId make a
 * second answer impossible even if two callers race; the publisher (lib/outbox) sends it.
 * A known-answer case (synthetic, lib/known-answers) is never answered: it closes as ANSWERED, as a real case does
 * once MOSIP's broker has its answer, but without an outbox row, so nothing of it ever leaves for MOSIP.
 */
export async function recordFinalDecision(
  tx: Prisma.TransactionClient,
  args: {
    caseId: string;
    response: AdjudicationResponse | VerificationResponse;
    mosip: Pick<MosipEnv, "queues" | "responseFormat">;
    actor: AuditEntry["actor"];
    now?: Date;
  },
): Promise<void> {
  const now = args.now ?? new Date();
  const kase = await tx.case.findUnique({ where: { id: args.caseId }, select: { id: true, kind: true, state: true, requestId: true } });
  if (!kase) throw new DomainError("not_found", "no such case");
  // Any other state is answered already or must never be (still fetching, superseded).
  if (!isOneOf(ANSWERABLE_STATES, kase.state))
    throw new DomainError("conflict", `the case is ${kase.state.toLowerCase()} and cannot be answered`);
  if (args.response.requestId !== kase.requestId) throw new Error("the response does not answer this case's requestId");
  const synthetic = (await knownAnswerKind(tx, kase.id)) !== null;
  const updated = await tx.case.updateMany({
    where: { id: kase.id, state: kase.state },
    data: synthetic ? { state: "ANSWERED", decidedAt: now, answeredAt: now } : { state: "DECIDED", decidedAt: now },
  });
  if (updated.count !== 1) throw new DomainError("conflict", "the case changed while deciding; reload it");
  if (!synthetic)
    await tx.outboxMessage.create({
      data: {
        caseId: kase.id,
        requestId: kase.requestId,
        destination: kase.kind === "ADJUDICATION" ? args.mosip.queues.adjudicationResponse : args.mosip.queues.verificationResponse,
        format: args.mosip.responseFormat === "bytes" ? "BYTES" : "TEXT",
        body: JSON.stringify(args.response),
        nextAttemptAt: now,
      },
    });
  await recordAudit(tx, {
    actor: args.actor,
    action: "case.decided",
    targetType: "case",
    targetId: kase.id,
    details: {
      returnValue: args.response.returnValue,
      candidates: "candidateList" in args.response ? args.response.candidateList.count : null,
    },
  });
}
