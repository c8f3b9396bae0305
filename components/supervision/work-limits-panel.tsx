"use client";
import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useErrorText } from "@/components/use-error-text";
import { useDuration } from "@/components/use-duration";
import { apiFetch } from "@/lib/client/api-fetch";
import type { OperatorWorkLimits, WorkLimitsView } from "@/lib/supervision/load-work-limits";
import { DataTable } from "@/components/data-table";

const REFRESH_MS = 30_000;

/**
 * Who is near a fatigue limit (80 % of one or more) or at one and until when, against the limits in force. Only
 * those two groups are listed: the rest are working within their limits and say nothing to a supervisor.
 */
export function WorkLimitsPanel() {
  const t = useTranslations("dashboard.workLimits");
  const format = useFormatter();
  const errorText = useErrorText();
  const duration = useDuration();
  const { data, error, isPending } = useQuery({
    queryKey: ["supervision", "work-limits"],
    queryFn: () => apiFetch<WorkLimitsView>("/api/supervision/work-limits"),
    refetchInterval: REFRESH_MS,
  });
  const limit = (n: number, text: string) => (n > 0 ? text : t("off"));
  return (
    <section aria-labelledby="work-limits-title" className="rounded border border-slate-200 bg-white p-4" data-testid="work-limits">
      <h2 id="work-limits-title" className="mb-1 font-semibold">
        {t("title")}
      </h2>
      {isPending ? (
        <p className="text-sm text-slate-500">{t("loading")}</p>
      ) : error ? (
        <p role="alert" className="text-sm text-red-700">
          {t("loadError", { error: errorText(error) })}
        </p>
      ) : (
        <>
          <p className="mb-3 text-xs text-slate-600">
            {t("limits", {
              hour: data.limits.maxCasesPerHour > 0 ? t("perHourLimit", { n: data.limits.maxCasesPerHour }) : t("noHourLimit"),
              day: data.limits.maxCasesPerDay > 0 ? t("perDayLimit", { n: data.limits.maxCasesPerDay }) : t("noDayLimit"),
              continuous: limit(data.limits.maxContinuousWorkMinutes, duration(data.limits.maxContinuousWorkMinutes)),
              pause: duration(data.limits.breakMinutes),
              share: format.number(data.nearShare, { style: "percent" }),
            })}
          </p>
          {data.operators.some((o) => o.reached || o.near) ? (
            <DataTable
              variant="panel"
              rows={data.operators.filter((o) => o.reached || o.near)}
              rowKey={(o) => o.userId}
              rowProps={(o) => ({ "data-testid": `work-limit-${o.username}` })}
              rowClassName={(o) => (o.reached ? "bg-red-50" : "bg-amber-50")}
              columns={[
                { header: t("columns.operator"), cell: (o) => o.username },
                { header: t("columns.lastHour"), className: "tabular-nums", cell: (o) => o.casesLastHour },
                { header: t("columns.last24h"), className: "tabular-nums", cell: (o) => o.casesLast24h },
                { header: t("columns.continuous"), cell: (o) => duration(o.continuousMinutes) },
                { header: t("columns.status"), className: "font-medium", cell: (o) => <Status o={o} /> },
              ]}
            />
          ) : (
            <p className="text-sm text-slate-600">{t("none")}</p>
          )}
        </>
      )}
    </section>
  );
}

function Status({ o }: { o: OperatorWorkLimits }) {
  const t = useTranslations("dashboard.workLimits");
  const format = useFormatter();
  if (!o.reached) return <>{t("near")}</>;
  return (
    <>
      {t("reached", {
        limit: t(`limit.${o.reached.limit}`),
        time: format.dateTime(new Date(o.reached.resumeAt), { timeStyle: "short" }),
      })}
    </>
  );
}
