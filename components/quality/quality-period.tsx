"use client";
import { useFormatter, useTranslations } from "next-intl";
import { monthOf } from "@/lib/quality/quality-period";

/** A period of the figures as its query string: `month=YYYY-MM` or `days=N`. */
export type PeriodValue = `month=${string}` | `days=${number}`;

const DAYS = [7, 30, 90] as const;

/** The month of a YYYY-MM in words ("December 2026"), in UTC like the figures' months. */
export function useMonthName(): (month: string) => string {
  const format = useFormatter();
  return (month) => {
    const [y, m] = month.split("-").map(Number);
    return format.dateTime(new Date(Date.UTC(y, m - 1, 1)), { month: "long", year: "numeric", timeZone: "UTC" });
  };
}

/** This month and the eleven before it (for monthly reports), then the last 7, 30 and 90 days. */
export function PeriodSelect({ value, onChange, now }: { value: PeriodValue; onChange: (v: PeriodValue) => void; now: Date }) {
  const t = useTranslations("quality.period");
  const monthName = useMonthName();
  const months = Array.from({ length: 12 }, (_, i) => monthOf(now, i));
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="font-medium">{t("label")}</span>
      <select
        className="rounded border border-slate-300 bg-white px-2 py-1 text-sm"
        value={value}
        onChange={(e) => onChange(e.target.value as PeriodValue)}
      >
        {months.map((m, i) => (
          <option key={m} value={`month=${m}`}>
            {i === 0 ? t("thisMonth", { month: monthName(m) }) : monthName(m)}
          </option>
        ))}
        {DAYS.map((d) => (
          <option key={d} value={`days=${d}`}>
            {t("lastDays", { days: d })}
          </option>
        ))}
      </select>
    </label>
  );
}
