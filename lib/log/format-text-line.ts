/**
 * One pino JSON line as a line a person reads in a terminal: "08:21:05.123 INFO  [bridge] message key=value".
 * Used by the text log format (MAS_LOG_FORMAT=text, the default of `npm start` on the embedded demo) so that a
 * newcomer reads the demo users' passwords and the first-look messages plainly. Redaction has already happened
 * in pino before the line gets here; this only re-arranges what pino wrote.
 */
export function formatTextLine(json: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  const { time, level, msg, component, pid: _pid, err, ...rest } = entry;
  const clock = typeof time === "string" ? time.slice(11, 23) : "";
  const head = [
    clock,
    String(level ?? "")
      .toUpperCase()
      .padEnd(5),
    component ? `[${String(component)}]` : "",
  ].filter(Boolean);
  const fields = Object.entries(rest).map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`);
  const error = err && typeof err === "object" ? formatError(err as Record<string, unknown>) : "";
  return [head.join(" "), String(msg ?? ""), ...fields].filter((p) => p !== "").join(" ") + error;
}

function formatError(err: Record<string, unknown>): string {
  const title = [err.type, err.message].filter(Boolean).join(": ");
  return `\n  ${title}${typeof err.stack === "string" && err.stack ? `\n${err.stack}` : ""}`;
}
