"use client";
import { useTranslations } from "next-intl";
import { useDuration } from "@/components/use-duration";
import type { ResentSummary } from "@/lib/cases/summarize-resend";

/** Beside a case id in the supervisor's lists: MOSIP re-sent this request, and how long the one it replaced waited. */
export function ResentMark({ resent }: { resent: ResentSummary }) {
  const t = useTranslations("cases");
  const duration = useDuration();
  return (
    <span className="ms-2 whitespace-nowrap rounded bg-sky-100 px-1.5 py-0.5 text-xs text-sky-900" data-testid="case-resent">
      {t("resent", { count: resent.replaced, waited: duration(resent.waitedMinutes) })}
    </span>
  );
}
