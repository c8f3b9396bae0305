"use client";
import { useTranslations } from "next-intl";
import type { DecisionInput } from "@/lib/cases/decision-input";
import { summariseDecision, type SummaryLine } from "@/lib/cases/decision-draft";

/** The confirmation lines (lib/cases/decision-draft.ts) in the officer's language; candidates named by the caller. */
export function useDecisionSummary(): (decision: DecisionInput, candidateLabels: readonly string[]) => string[] {
  const t = useTranslations("summary");
  const tl = useTranslations("labels");
  const line = (l: SummaryLine, names: readonly string[]): string => {
    switch (l.kind) {
      case "cannotAdjudicate":
      case "approve":
      case "reject":
      case "noDuplicate":
        return t(l.kind);
      case "reason":
      case "comment":
        return t(l.kind, { comment: l.comment });
      case "duplicates":
        return t("duplicates", { count: l.count });
      case "candidate": {
        const name = names[l.index] ?? t("candidateN", { n: l.index + 1 });
        if (!l.duplicate) return t("notDuplicate", { candidate: name });
        const parts = [
          l.face ? tl("slots.FACE") : null,
          l.fingers.length ? l.fingers.map((f) => tl(`slots.${f}`)).join(t("listSeparator")) : null,
          l.irises.length ? l.irises.map((e) => tl(`slots.${e}_IRIS`)).join(t("listSeparator")) : null,
        ].filter((p): p is string => p !== null);
        return parts.length
          ? t("duplicateMatched", { candidate: name, parts: parts.join(t("groupSeparator")) })
          : t("duplicate", { candidate: name });
      }
    }
  };
  return (decision, names) => summariseDecision(decision).map((l) => line(l, names));
}
