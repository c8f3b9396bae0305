"use client";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { QualityFigures } from "@/lib/quality/load-quality-figures";
import { QualityFiguresView } from "./quality-figures-view";
import { useMonthName } from "./quality-period";

/**
 * The monthly report for programme managers, laid out for A4 (app/globals.css: the "report" page). Its PDF is the
 * browser's own print of this page ("Save as PDF"): docs/decisions/0027.
 */
export function QualityReport({
  figures,
  month,
  programme,
  generatedAt,
  generatedBy,
}: {
  figures: QualityFigures;
  month: string | undefined;
  programme: string | undefined;
  generatedAt: string;
  generatedBy: string;
}) {
  const t = useTranslations("quality.report");
  const format = useFormatter();
  const monthName = useMonthName();
  const day = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "long", timeZone: "UTC" });
  const period = month
    ? monthName(month)
    : t("range", { from: day(figures.since), to: format.dateTime(new Date(figures.until), { dateStyle: "long", timeStyle: "short" }) });
  return (
    <main className="mas-report mx-auto max-w-5xl space-y-4 p-6 print:max-w-none print:px-1 print:py-0" data-testid="quality-report">
      <div className="flex items-center gap-3 print:hidden">
        <Link href="/supervision/quality" className="text-sm text-blue-700 underline">
          {t("back")}
        </Link>
        <button
          type="button"
          onClick={() => window.print()}
          className="ms-auto rounded bg-slate-800 px-4 py-1.5 text-sm font-medium text-white"
        >
          {t("print")}
        </button>
      </div>
      <p className="text-xs text-slate-600 print:hidden">{t("printHelp")}</p>
      <header className="border-b-2 border-slate-800 pb-2">
        {programme && (
          <p className="text-sm font-medium text-slate-700" data-testid="report-programme">
            {programme}
          </p>
        )}
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-lg" data-testid="report-period">
          {period}
        </p>
        <p className="text-xs text-slate-600">
          {t("generated", { at: format.dateTime(new Date(generatedAt), { dateStyle: "long", timeStyle: "short" }), by: generatedBy })}
        </p>
      </header>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      <QualityFiguresView figures={figures} />
      <footer className="border-t border-slate-300 pt-2 text-xs text-slate-600">{t("footer")}</footer>
    </main>
  );
}
