// Display helpers shared by the supervision pages; words and units come from the messages (use-duration.ts).

export function minutesBetween(fromIso: string, now: number): number {
  return Math.round((now - Date.parse(fromIso)) / 60_000);
}
