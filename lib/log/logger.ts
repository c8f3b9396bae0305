import "server-only";
import pino, { type DestinationStream, type Logger } from "pino";

export type { Logger } from "pino";

import { formatTextLine } from "./format-text-line";
import { LOG_LEVELS, type LogLevel } from "./log-levels";

export { LOG_LEVELS, type LogLevel } from "./log-levels";

/** Fields a log line may carry; anything personal under a known key is redacted, see REDACTED_PATHS. */
export type LogFields = Record<string, unknown>;

/**
 * The line logger the lower layers take as an option (`log`): a plain `(line) => void` still fits, so a test
 * can collect lines; in production it is `toLog(logger)`. The line itself must never hold a RID, a URL or an
 * identity value: callers name ids (case, download, outbox row) and codes only.
 */
export type Log = (line: string, level?: Exclude<LogLevel, "silent">, fields?: LogFields) => void;

// Keys under which personal data or secrets could arrive if a caller ever passed a whole object; pino
// replaces their values before the line is written. Bodies and headers are dropped whole by the serializers.
export const REDACTED_PATHS = [
  "rid",
  "*.rid",
  "referenceId",
  "*.referenceId",
  "registrationId",
  "*.registrationId",
  "url",
  "*.url",
  "referenceURL",
  "*.referenceURL",
  "identity",
  "*.identity",
  "demographics",
  "*.demographics",
  "biometrics",
  "*.biometrics",
  "body",
  "*.body",
  "password",
  "*.password",
  "token",
  "*.token",
  "authorization",
  "*.authorization",
  "cookie",
  "*.cookie",
];

const dropped = () => "[dropped]";

export type LogFormat = "json" | "text";

/**
 * A pino logger writing JSON lines (to stdout unless a destination is given, as tests do); with format "text",
 * the same lines re-arranged for a person reading a terminal (formatTextLine).
 */
export function createLogger(opts: { level?: string; destination?: DestinationStream; format?: LogFormat } = {}): Logger {
  const level = (LOG_LEVELS as readonly string[]).includes(opts.level ?? "") ? (opts.level as LogLevel) : "info";
  return pino(
    {
      level,
      base: { pid: process.pid },
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
      // A message body, request or headers object can hold anything a sender put in it: never written.
      serializers: { body: dropped, headers: dropped, req: dropped, res: dropped, err: serializeError },
      formatters: { level: (label) => ({ level: label }) },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    opts.format === "text"
      ? textDestination(opts.destination ?? process.stdout)
      : (opts.destination ?? pino.destination({ fd: 1, sync: true })),
  );
}

function textDestination(out: DestinationStream): DestinationStream {
  return {
    write(line: string) {
      for (const one of line.split("\n")) if (one) out.write(`${formatTextLine(one)}\n`);
    },
  };
}

// The stack stays (it names code, not data); of the message only the first line, since a Prisma error
// quotes its query parameters on the following ones.
function serializeError(e: unknown): unknown {
  if (!(e instanceof Error)) return { message: String(e).split("\n")[0] };
  const frames = (e.stack ?? "").split("\n").filter((l) => l.trimStart().startsWith("at "));
  return { type: e.name, message: e.message.split("\n")[0], stack: frames.join("\n") };
}

const ROOT = Symbol.for("mas.rootLogger");
type Holder = typeof globalThis & { [ROOT]?: Logger };

/**
 * The process-wide logger (shared through globalThis: Next.js bundles routes apart). Its level and format come
 * from MAS_LOG_LEVEL and MAS_LOG_FORMAT, which lib/env validates at start-up; an invalid value there stops the
 * process first.
 */
export function getLogger(): Logger {
  const g = globalThis as Holder;
  const format: LogFormat = process.env.MAS_LOG_FORMAT?.trim().toLowerCase() === "text" ? "text" : "json";
  g[ROOT] ??= createLogger({ level: process.env.MAS_LOG_LEVEL?.trim().toLowerCase(), format });
  return g[ROOT];
}

/** A child logger for one part of the app, e.g. logFor("bridge"). */
export function logFor(component: string, fields: LogFields = {}): Logger {
  return getLogger().child({ component, ...fields });
}

/** Adapts a pino logger to the `Log` callback the lower layers take. */
export function toLog(logger: Logger): Log {
  return (line, level = "info", fields) => (fields ? logger[level](fields, line) : logger[level](line));
}
