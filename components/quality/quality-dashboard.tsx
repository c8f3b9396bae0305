"use client";
import Link from "next/link";
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useErrorText } from "@/components/use-error-text";
import { apiFetch } from "@/lib/client/api-fetch";
import { monthOf } from "@/lib/quality/quality-period";
import type { QualityFigures } from "@/lib/quality/load-quality-figures";
import { QualityFiguresView } from "./quality-figures-view";
import { type PeriodValue, PeriodSelect } from "./quality-period";

/** The supervisor's quality page: a period (this month first), every figure, the CSV and the monthly report. */
export function QualityDashboard() {
  const t = useTranslations("quality");
  const format = useFormatter();
  const errorText = useErrorText();
  const [now] = useState(() => new Date());
  const [period, setPeriod] = useState<PeriodValue>(`month=${monthOf(now)}`);
  const { data, error, isPending } = useQuery({
    queryKey: ["supervision", "quality", period],
    queryFn: () => apiFetch<QualityFigures>(`/api/supervision/quality?${period}`),
  });
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-x-6 gap-y-2 rounded border border-slate-200 bg-white p-3">
        <PeriodSelect value={period} onChange={setPeriod} now={now} />
        {data && (
          <span className="text-xs text-slate-600" data-testid="period">
            {t("periodRange", {
              from: format.dateTime(new Date(data.since), { dateStyle: "medium", timeStyle: "short" }),
              to: format.dateTime(new Date(data.until), { dateStyle: "medium", timeStyle: "short" }),
            })}
          </span>
        )}
        <span className="ms-auto flex gap-3 text-sm">
          <a className="text-blue-700 underline" href={`/api/supervision/quality.csv?${period}`} download>
            {t("downloadCsv")}
          </a>
          <Link className="text-blue-700 underline" href={`/supervision/quality/report?${period}`}>
            {t("openReport")}
          </Link>
        </span>
      </div>
      {isPending ? (
        <p className="text-slate-500">{t("loading")}</p>
      ) : error ? (
        <p role="alert" className="text-red-700">
          {t("loadError", { error: errorText(error) })}
        </p>
      ) : (
        <QualityFiguresView figures={data} />
      )}
    </div>
  );
}
