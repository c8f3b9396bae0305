import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { MosipEnv } from "@/lib/env/env-schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { buildCannotAdjudicateResponse, buildVerificationResponse } from "@/lib/mosip/adjudication-response";
import { DomainError } from "@/lib/errors/domain-error";
import { recordFinalDecision } from "./record-final-decision";

export const answerResendBody = z.strictObject({
  confirm: z.literal(true, { error: "confirm must be true: this answers MOSIP, which then sends a new request" }),
});

/**
 * The admin's way out of a DATA_UNAVAILABLE case whose shares cannot be fetched (expired, refused):
 * answer MOSIP with returnValue 2, which puts the packet back and makes MOSIP send a new request with a
 * new requestId and fresh shares. Recorded like any final decision (outbox row + case DECIDED) and audited,
 * all in one transaction; the publisher sends it.
 */
export async function answerResend(
  prisma: PrismaClient,
  caseId: string,
  mosip: Pick<MosipEnv, "queues" | "responseFormat" | "verificationRejectValue">,
  actor: { id: string; username: string },
  now: Date = new Date(),
): Promise<{ outboxId: string }> {
  return prisma.$transaction(async (tx) => {
    const kase = await tx.case.findUnique({
      where: { id: caseId },
      select: { id: true, kind: true, state: true, requestId: true, dataErrorCode: true },
    });
    if (!kase) throw new DomainError("not_found", "no such case");
    if (kase.state !== "DATA_UNAVAILABLE")
      throw new DomainError(
        "conflict",
        `only a case whose data is unavailable can be answered from here (this one is ${kase.state.toLowerCase()})`,
      );
    const reason = `datashare unavailable (${kase.dataErrorCode ?? "unknown"}); answered by an administrator`;
    const response =
      kase.kind === "ADJUDICATION"
        ? buildCannotAdjudicateResponse({ requestId: kase.requestId, operators: { primaryOperatorID: actor.username }, reason, now })
        : buildVerificationResponse({ requestId: kase.requestId, decision: "RESEND", rejectValue: mosip.verificationRejectValue, now });
    await recordFinalDecision(tx, { caseId: kase.id, response, mosip, actor, now });
    const row = await tx.outboxMessage.findUniqueOrThrow({ where: { caseId: kase.id }, select: { id: true } });
    await recordAudit(tx, {
      actor,
      action: "integration.answered_resend",
      targetType: "case",
      targetId: kase.id,
      details: { outboxId: row.id, code: kase.dataErrorCode },
    });
    return { outboxId: row.id };
  });
}
