"use client";
import { useFormatter, useTranslations } from "next-intl";
import { type MosipClock, soonestClock } from "@/lib/cases/mosip-clock";

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
  const t = useTranslations("clock");
  const format = useFormatter();
  const time = (iso: string) => format.dateTime(new Date(iso), { timeStyle: "medium" });
  const first = soonestClock(clock);
  const left = minutesUntil(first.at, now);
  const all = [
    clock.sharesExpireAt && t("sharesExpire", { time: time(clock.sharesExpireAt) }),
    t("resends", { time: time(clock.resendAt) }),
    clock.messageExpiresAt && t("requestExpires", { time: time(clock.messageExpiresAt) }),
  ].filter(Boolean);
  return (
    <>
      <span
        className={`text-sm ${left < urgentMinutes ? "font-semibold text-red-700" : left < warnMinutes ? "font-medium text-amber-800" : "text-slate-600"}`}
        title={all.join(" · ")}
        data-testid="mosip-clock"
        data-clock={first.kind}
      >
        {left >= 0 ? t("before", { minutes: left, event: t(`events.${first.kind}`) }) : t("past", { event: t(`events.${first.kind}`) })}
      </span>
      {supersedes.length > 0 && (
        <p className="basis-full rounded bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="resent-notice">
          {t("resent", {
            replaced: supersedes
              .map((s) =>
                t("replaced", {
                  requestId: s.requestId,
                  received: format.dateTime(new Date(s.receivedAt), { dateStyle: "short", timeStyle: "medium" }),
                  minutes: s.waitedMinutes,
                }),
              )
              .join(t("separator")),
          })}
        </p>
      )}
    </>
  );
}
