import "server-only";
import { metrics } from "@/lib/metrics/metrics";
import type { Prisma, PrismaClient } from "@/lib/db/generated/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { getCaseImageCache } from "@/lib/biometrics/case-image-cache";
import type { SessionUser } from "@/lib/auth/load-user";
import type { MosipEnv } from "@/lib/env/env-schema";
import { DomainError } from "@/lib/errors/domain-error";
import { DEFAULT_SETTINGS, getAdjudicationSettings } from "@/lib/settings/adjudication-settings";
import { drawSampleReview } from "@/lib/quality/draw-sample-review";
import { knownAnswerKind } from "@/lib/quality/known-answer-case";
import { buildCaseResponse, type Reviewer } from "./build-case-response";
import { decisionKind, type DecisionInput } from "./decision-input";
import { decisionsAgree, duplicates } from "./decisions-agree";
import { recordFinalDecision } from "./record-final-decision";
import { flagAidDisagreement } from "./flag-aid-disagreement";
import { chooseOperator } from "./choose-operator";
import { assignReview } from "./assign-review";
import { barredFromSecondary, secondaryBar, secondaryBarMessage } from "./barred-from-secondary";
import { assignedLevel } from "./case-lifecycle";
import { lockAssignment, operatorPool } from "./operator-pool";
import { checkDwell } from "./dwell-guard";
import { usersAtWorkLimit } from "./work-status";
import { flagCaseForReview } from "@/lib/quality/flag-case-for-review";
import { getGuardSettings } from "@/lib/settings/guard-settings";

export type DecisionOutcome = "AWAITING_SECONDARY" | "DECIDED" | "CONFLICT";

function checkShape(kind: "ADJUDICATION" | "VERIFICATION", candidateIds: string[], d: DecisionInput): void {
  const k = decisionKind(d);
  if (kind === "VERIFICATION" && k === "VERDICTS")
    throw new DomainError("invalid", "a verification case is decided with approve (true or false) or cannotAdjudicate", "candidates");
  if (kind === "ADJUDICATION" && (k === "APPROVE" || k === "REJECT"))
    throw new DomainError("invalid", "an adjudication case is decided with a verdict per candidate or cannotAdjudicate", "approve");
  if (k !== "VERDICTS") return;
  const given = (d as { candidates: { referenceId: string }[] }).candidates.map((c) => c.referenceId);
  const missing = candidateIds.filter((id) => !given.includes(id));
  const unknown = given.filter((id) => !candidateIds.includes(id));
  if (unknown.length)
    throw new DomainError("invalid", `candidates: ${unknown.length} referenceId(s) are not candidates of this case`, "candidates");
  if (missing.length || new Set(given).size !== given.length)
    throw new DomainError("invalid", "candidates: give exactly one verdict for every candidate of the case", "candidates");
}

export interface DecisionOptions {
  /** The officer confirmed the decision although it comes sooner than the case's minimum dwell time. */
  hasteConfirmed?: boolean;
}

/**
 * Records the caller's decision at the level the case is waiting for, and moves the case on: to a secondary
 * reviewer (one barredFromSecondary allows), to the conflicts queue, or to MOSIP through the outbox. One transaction.
 * A review decision sooner than the case's minimum dwell time is refused (haste_confirmation_required) unless
 * confirmed, and a confirmed one is flagged HASTE for sample review in the same transaction (dwell-guard.ts).
 * The work limits never refuse a decision: they hold back new work only (claim-next-case.ts).
 */
export async function recordDecision(
  prisma: PrismaClient,
  user: SessionUser,
  caseId: string,
  input: DecisionInput,
  mosip: Pick<MosipEnv, "queues" | "responseFormat" | "verificationRejectValue">,
  now = new Date(),
  opts: DecisionOptions = {},
): Promise<DecisionOutcome> {
  const outcome = await decide(prisma, user, caseId, input, mosip, now, opts.hasteConfirmed === true);
  metrics().decisions.inc({ kind: outcome.toLowerCase() });
  // A decided case is closed for review: its decrypted identity and decoded images leave memory now.
  if (outcome === "DECIDED") getCaseImageCache().dropCase(caseId);
  return outcome;
}

function decide(
  prisma: PrismaClient,
  user: SessionUser,
  caseId: string,
  input: DecisionInput,
  mosip: Pick<MosipEnv, "queues" | "responseFormat" | "verificationRejectValue">,
  now: Date,
  hasteConfirmed: boolean,
): Promise<DecisionOutcome> {
  return prisma.$transaction(async (tx) => {
    await lockAssignment(tx);
    const c = await tx.case.findUnique({
      where: { id: caseId },
      include: {
        candidates: { select: { referenceId: true }, orderBy: { position: "asc" } },
        decisions: { include: { user: { select: { username: true } } } },
      },
    });
    if (!c) throw new DomainError("not_found", "no such case");
    const reviewing = user.permissions.includes("cases.review") ? assignedLevel(c, user.id) : null;
    const level = reviewing ?? (c.state === "CONFLICT" && user.permissions.includes("cases.resolveConflict") ? "SUPERVISOR" : null);
    if (!level) {
      const assigned = c.primaryAssigneeId === user.id || c.secondaryAssigneeId === user.id;
      // Someone who reviewed the case asking again (a double click, a second tab) gets a conflict, not a refusal.
      if (assigned) throw new DomainError("conflict", "this case is not waiting for your decision");
      throw new DomainError("forbidden", "not allowed: the case is not assigned to you");
    }
    // Checked again here, not only when the review was handed out: the user may have seen the verdict since.
    const bar = level === "SECONDARY" ? await secondaryBar(tx, caseId, user.id) : null;
    if (bar) throw new DomainError("forbidden", secondaryBarMessage(bar));
    if (level === "SUPERVISOR" && c.decisions.some((d) => d.userId === user.id))
      throw new DomainError("forbidden", "a reviewer of this case cannot resolve its conflict");
    const candidateIds = c.candidates.map((x) => x.referenceId);
    checkShape(c.kind, candidateIds, input);

    const settings = await getAdjudicationSettings(tx, { ...DEFAULT_SETTINGS, verificationRejectValue: mosip.verificationRejectValue });
    const guards = await getGuardSettings(tx);
    // The officers' reviews only: a supervisor resolving a conflict reads two verdicts already given.
    const haste =
      level === "SUPERVISOR"
        ? null
        : await checkDwell(tx, { caseId, userId: user.id, level, candidates: candidateIds.length, hasteConfirmed, now }, guards);

    const comment = "comment" in input ? (input.comment ?? null) : null;
    const written = await tx.decision.create({
      data: { caseId, level, userId: user.id, body: input as Prisma.InputJsonValue, comment },
      select: { id: true },
    });
    if (haste)
      await flagCaseForReview(tx, {
        caseId,
        decisionId: written.id,
        kind: "HASTE",
        detail: `${level} decision after ${haste.elapsedSeconds} s of the ${haste.requiredSeconds} s minimum dwell, confirmed by the officer`,
      });
    await recordAudit(tx, {
      actor: user,
      action: "case.decision",
      targetType: "case",
      targetId: caseId,
      // The level only: the kind of a verification decision is its verdict (APPROVE or REJECT), and the audit
      // log is read by people who may also be operators; the Decision row holds the verdict.
      details: haste ? { level, haste: { requiredSeconds: haste.requiredSeconds, elapsedSeconds: haste.elapsedSeconds } } : { level },
    });
    const byLevel = new Map(c.decisions.map((d) => [d.level, d]));
    const reviewer = (lvl: "PRIMARY" | "SECONDARY"): Reviewer | null => {
      if (lvl === level) return { username: user.username, comment };
      const d = byLevel.get(lvl);
      return d ? { username: d.user.username, comment: d.comment } : null;
    };
    const finish = async (decision: DecisionInput) => {
      const response = buildCaseResponse({
        kase: { kind: c.kind, requestId: c.requestId, gallery: c.candidates },
        decision,
        primary: reviewer("PRIMARY")!,
        secondary: reviewer("SECONDARY"),
        supervisor: level === "SUPERVISOR" ? { username: user.username, comment } : null,
        verificationRejectValue: settings.verificationRejectValue,
        now,
      });
      await recordFinalDecision(tx, { caseId, response, mosip, actor: user, now });
      // Sample review draws among decisions closed without a conflict (a resolved conflict was reviewed already).
      await drawSampleReview(tx, { caseId, agreed: level !== "SUPERVISOR", now });
      await flagAidDisagreement(tx, { caseId, decisionId: written.id, decision });
      return "DECIDED" as const;
    };

    if (level === "PRIMARY") {
      // A training case is its trainee's alone: their decision closes it (and they get the truth as feedback).
      const training = (await knownAnswerKind(tx, caseId)) === "TRAINING";
      const needsSecondary =
        !training &&
        (settings.secondaryReview === "ALL" ||
          (decisionKind(input) === "VERDICTS" && duplicates((input as { candidates: [] }).candidates).length > 0));
      if (!needsSecondary) return finish(input);
      // The decision just written bars its author, so the one rule excludes the primary here too.
      const barred = (await barredFromSecondary(tx, [caseId])).get(caseId)?.keys() ?? [];
      const pool = await operatorPool(tx, "SECONDARY");
      const resting = await usersAtWorkLimit(
        tx,
        pool.map((o) => o.userId),
        guards,
        now,
      );
      const pick = chooseOperator(pool, { defaultCap: settings.defaultCaseCap, exclude: [...barred, ...resting] });
      // Primary review done: the case waits for a secondary, handed at once to the best free one if any
      // (else the assigner finds one later).
      await tx.case.update({
        where: { id: caseId },
        data: { state: "IN_SECONDARY", secondaryAssigneeId: null, secondaryAssignedAt: null },
      });
      if (pick && !(await assignReview(tx, { caseId, level: "SECONDARY", userId: pick.userId, now, actor: null, how: "automatic" })))
        throw new Error("a case just moved to secondary review could not be assigned");
      return "AWAITING_SECONDARY";
    }
    if (level === "SECONDARY") {
      const primary = byLevel.get("PRIMARY");
      if (!primary) throw new Error("a case in secondary review has no primary decision");
      if (decisionsAgree(primary.body as DecisionInput, input)) return finish(input);
      await tx.case.update({ where: { id: caseId }, data: { state: "CONFLICT" } });
      await recordAudit(tx, { actor: null, action: "case.conflict", targetType: "case", targetId: caseId });
      return "CONFLICT";
    }
    return finish(input);
  });
}
