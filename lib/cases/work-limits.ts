// The fatigue guards: from an operator's recent activity, how much they have worked and whether a work limit
// is reached, with the moment work can resume. Pure: the server feeds it decisions and first views
// (lib/cases/work-status.ts), the unit tests feed it times.
//
// - cases per hour / per day: the operator's own decisions (any level; copies carried over from a re-sent
//   request excluded) in the last 60 minutes / 24 hours, rolling windows (no time zone decides when a day ends);
// - continuous work: the stretch of activity (a case opened for review, a decision) reaching up to now with no
//   pause as long as breakMinutes inside it; it ends, and the count starts again, after such a pause.

export type WorkLimit = "continuous" | "hour" | "day";

export interface WorkLimitSettings {
  maxContinuousWorkMinutes: number;
  breakMinutes: number;
  maxCasesPerHour: number;
  maxCasesPerDay: number;
}

export interface WorkActivity {
  /** When the operator's own decisions were recorded. */
  decisions: Date[];
  /** When the operator first opened a case for review (one per case and level). */
  views: Date[];
}

export interface WorkStatus {
  casesLastHour: number;
  casesLast24h: number;
  continuousMinutes: number;
  /** The limit that holds work back longest, and when "Next case" gives new work again; null under every limit. */
  reached: { limit: WorkLimit; resumeAt: Date } | null;
  /** At or above NEAR_SHARE of some limit that is on. */
  near: boolean;
}

/** A supervisor is shown an operator as near a limit from this share of it. */
export const NEAR_SHARE = 0.8;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How far back activity matters: a day of decisions, and the longest stretch of work a setting allows. */
export function activityLookbackMs(s: WorkLimitSettings): number {
  return Math.max(DAY, (s.maxContinuousWorkMinutes + s.breakMinutes) * MINUTE);
}

export function evaluateWorkLimits(activity: WorkActivity, s: WorkLimitSettings, now: Date): WorkStatus {
  const t = now.getTime();
  const decisions = activity.decisions
    .map((d) => d.getTime())
    .filter((x) => x <= t)
    .sort((a, b) => a - b);
  const reached: { limit: WorkLimit; resumeAt: number }[] = [];

  const windowCount = (limit: WorkLimit, span: number, max: number): number => {
    const inWindow = decisions.filter((x) => x > t - span);
    // Work resumes once enough of the window's decisions have left it to fall below the limit.
    if (max > 0 && inWindow.length >= max) reached.push({ limit, resumeAt: inWindow[inWindow.length - max] + span });
    return inWindow.length;
  };
  const casesLastHour = windowCount("hour", HOUR, s.maxCasesPerHour);
  const casesLast24h = windowCount("day", DAY, s.maxCasesPerDay);

  const events = [...decisions, ...activity.views.map((v) => v.getTime()).filter((x) => x <= t)].sort((a, b) => a - b);
  const pause = s.breakMinutes * MINUTE;
  let continuousMinutes = 0;
  const last = events.at(-1);
  if (last !== undefined && t - last < pause) {
    let start = last;
    for (let i = events.length - 1; i > 0 && events[i] - events[i - 1] < pause; i--) start = events[i - 1];
    continuousMinutes = Math.floor((t - start) / MINUTE);
    if (s.maxContinuousWorkMinutes > 0 && continuousMinutes >= s.maxContinuousWorkMinutes)
      reached.push({ limit: "continuous", resumeAt: last + pause });
  }

  const share = (value: number, max: number) => (max > 0 ? value / max : 0);
  const near =
    Math.max(
      share(casesLastHour, s.maxCasesPerHour),
      share(casesLast24h, s.maxCasesPerDay),
      share(continuousMinutes, s.maxContinuousWorkMinutes),
    ) >= NEAR_SHARE;
  const longest = reached.sort((a, b) => b.resumeAt - a.resumeAt)[0];
  return {
    casesLastHour,
    casesLast24h,
    continuousMinutes,
    reached: longest ? { limit: longest.limit, resumeAt: new Date(longest.resumeAt) } : null,
    near,
  };
}

/** The limit in an officer's words. */
export const WORK_LIMIT_LABEL: Record<WorkLimit, string> = {
  continuous: "continuous work before a break",
  hour: "cases per hour",
  day: "cases per day",
};
