// The period of the quality figures: the last n days, or a calendar month. Months are taken in UTC so that every
// reader of a monthly report (and its CSV) counts the same decisions, wherever their browser is.

export interface PeriodQuery {
  days?: number;
  /** YYYY-MM */
  month?: string;
}

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** [since, until) of a query; the last `days` (30 unless given) end now. */
export function qualityPeriod(q: PeriodQuery, now = new Date()): { since: Date; until: Date } {
  if (q.month) {
    const [y, m] = q.month.split("-").map(Number);
    return { since: new Date(Date.UTC(y, m - 1, 1)), until: new Date(Date.UTC(y, m, 1)) };
  }
  return { since: new Date(now.getTime() - (q.days ?? 30) * 86_400_000), until: now };
}

/** The UTC month of a date, `months` months before it when given: YYYY-MM. */
export function monthOf(date: Date, monthsBefore = 0): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - monthsBefore, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}
