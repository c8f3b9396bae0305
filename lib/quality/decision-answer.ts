// A stored Decision.body (validated on the way in by lib/cases/decision-input.ts) read for the figures. This folder
// lies below lib/cases, so it reads the stored JSON through its own narrow schema instead of importing that one.
import { z } from "zod";

const storedDecision = z.union([
  z.object({ candidates: z.array(z.object({ referenceId: z.string(), duplicate: z.boolean() })) }),
  z.object({ cannotAdjudicate: z.literal(true) }),
  z.object({ approve: z.boolean() }),
]);
export type StoredDecision = z.output<typeof storedDecision>;

export function readDecision(body: unknown): StoredDecision {
  const parsed = storedDecision.safeParse(body);
  if (!parsed.success) throw new Error("a stored decision body does not have a decision's shape");
  return parsed.data;
}

/**
 * The answer MOSIP would get, as one comparable string: two decisions agree exactly when these are equal
 * (the rule of lib/cases/decisions-agree.ts: same kind, and for verdicts the same set of duplicates).
 */
export function answerOf(d: StoredDecision): string {
  if ("candidates" in d)
    return `DUPLICATES:${d.candidates
      .filter((c) => c.duplicate)
      .map((c) => c.referenceId)
      .sort()
      .join(",")}`;
  if ("cannotAdjudicate" in d) return "CANNOT_ADJUDICATE";
  return d.approve ? "APPROVE" : "REJECT";
}

/**
 * One label per rated item, for Cohen's kappa: an adjudication case gives one item per gallery candidate
 * (DUPLICATE, NOT_DUPLICATE, or CANNOT_ADJUDICATE for all of them), a verification case one item.
 */
export function itemLabels(d: StoredDecision, gallery: readonly string[]): string[] {
  if ("cannotAdjudicate" in d) return gallery.length ? gallery.map(() => "CANNOT_ADJUDICATE") : ["CANNOT_ADJUDICATE"];
  if ("approve" in d) return [d.approve ? "APPROVE" : "REJECT"];
  const dup = new Map(d.candidates.map((c) => [c.referenceId, c.duplicate]));
  return gallery.map((rid) => (dup.get(rid) ? "DUPLICATE" : "NOT_DUPLICATE"));
}
