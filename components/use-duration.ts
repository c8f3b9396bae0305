"use client";
import { useTranslations } from "next-intl";

/** "45 min", "3 h 05 min", "2 d 4 h" in the officer's language; negative durations get a leading minus. */
export function useDuration(): (minutes: number) => string {
  const t = useTranslations("duration");
  return (minutes) => {
    const sign = minutes < 0 ? "−" : "";
    const m = Math.abs(minutes);
    if (m < 60) return sign + t("minutes", { m });
    if (m < 24 * 60) return sign + t("hours", { h: Math.floor(m / 60), m: String(m % 60).padStart(2, "0") });
    return sign + t("days", { d: Math.floor(m / 1440), h: Math.floor((m % 1440) / 60) });
  };
}

/** A duration in seconds: "45 s" under two minutes, else as useDuration; "—" for none. */
export function useSeconds(): (s: number | null) => string {
  const t = useTranslations("duration");
  const duration = useDuration();
  return (s) => (s === null ? "—" : s < 120 ? t("seconds", { s: Math.round(s) }) : duration(Math.round(s / 60)));
}
