import type { Prisma } from "@/lib/db/generated/client";

/**
 * The kinds of case whose downloaded datashares (bodies and URLs) are purged, each after its own period
 * (docs/configuration.md, "Retention"):
 * - answered: MOSIP's broker confirmed the answer (counted from then; a resolved UNCERTAIN answer counts from
 *   its resolution), and the anonymous profile was taken;
 * - superseded: a newer request for the same RID replaced the case (counted from the newer request's arrival);
 * - dataUnavailable: the case is stuck in DATA_UNAVAILABLE (counted from its last change);
 * - unsentAnswer: decided, but the answer FAILED or is UNCERTAIN and nobody resolved it (counted from the
 *   decision). Resolving it needs only the outbox row, never the datashares.
 */
export type CaseRetentionKind = "answered" | "superseded" | "dataUnavailable" | "unsentAnswer";

export const CASE_RETENTION_KINDS: readonly CaseRetentionKind[] = ["answered", "superseded", "dataUnavailable", "unsentAnswer"];

export function caseRetentionWhere(kind: CaseRetentionKind, cutoff: Date): Prisma.CaseWhereInput {
  switch (kind) {
    case "answered":
      // Only after the anonymous profile is taken from the data: purging first would leave it empty.
      return { state: "ANSWERED", answeredAt: { lte: cutoff }, profiledAt: { not: null } };
    case "superseded":
      return { state: "SUPERSEDED", supersededBy: { receivedAt: { lte: cutoff } } };
    case "dataUnavailable":
      return { state: "DATA_UNAVAILABLE", updatedAt: { lte: cutoff } };
    case "unsentAnswer":
      return { state: "DECIDED", decidedAt: { lte: cutoff }, outbox: { state: { in: ["FAILED", "UNCERTAIN"] } } };
  }
}

/** A download still holding personal data or a capability to it. */
export const HOLDS_DATA: Prisma.DatashareDownloadWhereInput = { OR: [{ body: { not: null } }, { url: { not: null } }] };
