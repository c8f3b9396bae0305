// The figures on the supervisor dashboard, as pure functions over plain inputs so they can be checked by hand.

export interface Bucket {
  /** Start of the bucket: an ISO timestamp for hours, "yyyy-MM-dd" for days (UTC). */
  start: string;
  count: number;
}

/** The middle value (mean of the two middle ones for an even count); null for no values. */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * Share of cases where the secondary agreed with the primary, among cases that had both reviews
 * (null entries: no second review, so nothing to agree on). Null when no case had two reviews.
 */
export function agreementRate(agreed: readonly (boolean | null)[]): { rate: number | null; agreed: number; reviewed: number } {
  const reviewed = agreed.filter((a) => a !== null).length;
  const yes = agreed.filter((a) => a === true).length;
  return { rate: reviewed ? yes / reviewed : null, agreed: yes, reviewed };
}

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/**
 * Counts per clock hour (UTC) for the `hours` hours up to and including the one `now` is in, oldest first.
 * Hours without any event are there with count 0, so a chart shows quiet hours as gaps.
 */
export function bucketByHour(times: readonly Date[], now: Date, hours = 24): Bucket[] {
  const current = Math.floor(now.getTime() / HOUR) * HOUR;
  const first = current - (hours - 1) * HOUR;
  const counts = new Array<number>(hours).fill(0);
  for (const t of times) {
    const i = Math.floor((t.getTime() - first) / HOUR);
    if (i >= 0 && i < hours) counts[i]++;
  }
  return counts.map((count, i) => ({ start: new Date(first + i * HOUR).toISOString(), count }));
}

/** Counts per UTC day for the `days` days up to and including today, oldest first; input days as "yyyy-MM-dd" or dates. */
export function bucketByDay(days: readonly (string | Date)[], now: Date, n = 14): Bucket[] {
  const today = Math.floor(now.getTime() / DAY) * DAY;
  const first = today - (n - 1) * DAY;
  const counts = new Array<number>(n).fill(0);
  for (const d of days) {
    const t = typeof d === "string" ? Date.parse(`${d.slice(0, 10)}T00:00:00Z`) : Math.floor(d.getTime() / DAY) * DAY;
    const i = Math.round((t - first) / DAY);
    if (i >= 0 && i < n) counts[i]++;
  }
  return counts.map((count, i) => ({ start: new Date(first + i * DAY).toISOString().slice(0, 10), count }));
}

/** "yyyy-MM-dd" of the UTC day `days` before `now`'s day (0 = today). */
export function dayOffset(now: Date, days: number): string {
  return new Date(Math.floor(now.getTime() / DAY) * DAY - days * DAY).toISOString().slice(0, 10);
}
