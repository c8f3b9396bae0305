// Display helpers shared by the supervision pages.

export function minutesBetween(fromIso: string, now: number): number {
  return Math.round((now - Date.parse(fromIso)) / 60_000);
}

/** "45 min", "3 h 05 min", "2 d 4 h"; negative durations get a leading minus. */
export function duration(minutes: number): string {
  const sign = minutes < 0 ? "−" : "";
  const m = Math.abs(minutes);
  if (m < 60) return `${sign}${m} min`;
  if (m < 24 * 60) return `${sign}${Math.floor(m / 60)} h ${String(m % 60).padStart(2, "0")} min`;
  return `${sign}${Math.floor(m / 1440)} d ${Math.floor((m % 1440) / 60)} h`;
}

export function seconds(s: number | null): string {
  if (s === null) return "—";
  if (s < 120) return `${Math.round(s)} s`;
  return duration(Math.round(s / 60));
}

export const STATE_LABELS: Record<string, string> = {
  RECEIVED: "Waiting for data",
  FETCHING: "Waiting for data",
  DATA_UNAVAILABLE: "Data unavailable",
  READY: "Ready",
  IN_PRIMARY: "In primary review",
  IN_SECONDARY: "In secondary review",
  CONFLICT: "In conflict",
  DECIDED: "Decided, sending",
  ANSWERED: "Answered",
  SUPERSEDED: "Superseded",
};
