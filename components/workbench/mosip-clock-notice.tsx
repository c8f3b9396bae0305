"use client";
import { CLOCK_EVENT, type MosipClock, soonestClock } from "@/lib/cases/mosip-clock";

const minutesUntil = (iso: string, now: number) => Math.round((Date.parse(iso) - now) / 60_000);

/**
 * The first of MOSIP's moments for this case (its re-send, the message expiry, the shares' expiry) as minutes
 * left: amber within `warnMinutes`, red within `urgentMinutes` or past it; the other moments in the tooltip.
 * On MOSIP's default 15-minute re-send every fresh case is within 30 minutes, so amber alone would mean nothing.
 * A re-sent request says which one it replaced.
 */
export function MosipClockNotice({
  clock,
  supersedes,
  warnMinutes = 30,
  urgentMinutes = 5,
  now = Date.now(),
}: {
  clock: MosipClock;
  supersedes: { requestId: string; receivedAt: string; waitedMinutes: number }[];
  warnMinutes?: number;
  urgentMinutes?: number;
  now?: number;
}) {
  const first = soonestClock(clock);
  const left = minutesUntil(first.at, now);
  const all = [
    clock.sharesExpireAt && `datashares expire ${new Date(clock.sharesExpireAt).toLocaleTimeString()}`,
    `MOSIP re-sends ${new Date(clock.resendAt).toLocaleTimeString()}`,
    clock.messageExpiresAt && `request expires ${new Date(clock.messageExpiresAt).toLocaleTimeString()}`,
  ].filter(Boolean);
  return (
    <>
      <span
        className={`text-sm ${left < urgentMinutes ? "font-semibold text-red-700" : left < warnMinutes ? "font-medium text-amber-800" : "text-slate-600"}`}
        title={all.join(" · ")}
        data-testid="mosip-clock"
        data-clock={first.kind}
      >
        {left >= 0 ? `${left} min before ${CLOCK_EVENT[first.kind]}` : `Past the moment ${CLOCK_EVENT[first.kind]}`}
      </span>
      {supersedes.length > 0 && (
        <p className="basis-full rounded bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="resent-notice">
          MOSIP re-sent this request. It replaces{" "}
          {supersedes
            .map((s) => `request ${s.requestId}, received ${new Date(s.receivedAt).toLocaleString()}, which waited ${s.waitedMinutes} min`)
            .join("; ")}
          . Only this request will be answered.
        </p>
      )}
    </>
  );
}
