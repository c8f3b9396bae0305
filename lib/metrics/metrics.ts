import "server-only";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

// Every metric of the app, in one registry. Labels come from closed sets only (queue names from the
// configuration, outcome/result/state/kind enums, the registry's operation names): never a RID, a request
// id, a case id, a user name or a path. docs/observability.md explains each one.

const seconds = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
const minutes = [1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600, 7200, 21600, 86400];

function create() {
  const registry = new Registry();
  const m = {
    registry,
    intakeMessages: new Counter({
      name: "mas_intake_messages_total",
      help: "Messages taken off a MOSIP request queue, by queue and outcome (created, duplicate, rejected, parked)",
      labelNames: ["queue", "outcome"] as const,
      registers: [registry],
    }),
    intakeErrors: new Counter({
      name: "mas_intake_errors_total",
      help: "Request messages kept as intake errors, by reason code",
      labelNames: ["reason"] as const,
      registers: [registry],
    }),
    datashareDownloads: new Counter({
      name: "mas_datashare_downloads_total",
      help: "Datashare GET attempts by result (stored, http_error, timeout, network, auth, mosip_error, too_large, empty, abandoned)",
      labelNames: ["result"] as const,
      registers: [registry],
    }),
    datashareDownloadSeconds: new Histogram({
      name: "mas_datashare_download_seconds",
      help: "Duration of one datashare GET attempt, by result",
      labelNames: ["result"] as const,
      buckets: seconds,
      registers: [registry],
    }),
    requestToReadySeconds: new Histogram({
      name: "mas_request_to_ready_seconds",
      help: "Queue lag: from the request's requesttime (or its receipt) to the case being READY for review",
      buckets: minutes,
      registers: [registry],
    }),
    casesByState: new Gauge({
      name: "mas_cases",
      help: "Cases by state (counted at scrape time)",
      labelNames: ["state"] as const,
      registers: [registry],
    }),
    caseOpenSeconds: new Histogram({
      name: "mas_case_open_seconds",
      help: "Time to build a case view for an officer (access check, decryption, CBEFF parsing, demographics)",
      buckets: seconds,
      registers: [registry],
    }),
    imageDecodeSeconds: new Histogram({
      name: "mas_image_decode_seconds",
      help: "Time to decode and render one biometric image (cache misses only)",
      buckets: seconds,
      registers: [registry],
    }),
    prefetchCases: new Counter({
      name: "mas_prefetch_cases_total",
      help: "Cases whose data was prepared ahead for an officer, by outcome (prepared, skipped_memory, failed)",
      labelNames: ["outcome"] as const,
      registers: [registry],
    }),
    prefetchPending: new Gauge({
      name: "mas_prefetch_pending",
      help: "Cases waiting to be prepared ahead, or being prepared, in this process",
      registers: [registry],
    }),
    decisions: new Counter({
      name: "mas_decisions_total",
      help: "Decisions recorded, by what they led to (decided, awaiting_secondary, conflict)",
      labelNames: ["kind"] as const,
      registers: [registry],
    }),
    outboxByState: new Gauge({
      name: "mas_outbox_messages",
      help: "Responses to MOSIP by outbox state (counted at scrape time)",
      labelNames: ["state"] as const,
      registers: [registry],
    }),
    decisionToReceiptSeconds: new Histogram({
      name: "mas_decision_to_receipt_seconds",
      help: "From the final decision to the broker's receipt of the answer",
      buckets: seconds.concat([120, 300, 900, 3600]),
      registers: [registry],
    }),
    httpSeconds: new Histogram({
      name: "mas_http_request_duration_seconds",
      help: "API request duration by operation (the registry's name, never the path) and status class",
      labelNames: ["route", "method", "status"] as const,
      buckets: seconds,
      registers: [registry],
    }),
  };
  return m;
}

export type Metrics = ReturnType<typeof create>;

let processMetrics = false;

/**
 * The exposition text. prom-client's process metrics (event-loop monitor, GC observer) start at the first
 * scrape, not at the first counter: a process nobody scrapes (tests, the CLI tools) does not carry them.
 */
export async function scrape(): Promise<{ text: string; contentType: string }> {
  const { registry } = metrics();
  if (!processMetrics) {
    processMetrics = true;
    collectDefaultMetrics({ register: registry, prefix: "mas_" });
  }
  return { text: await registry.metrics(), contentType: registry.contentType };
}

const SLOT = Symbol.for("mas.metrics");
type Holder = typeof globalThis & { [SLOT]?: Metrics };

/** The process's metrics, shared through globalThis: Next.js bundles the bridge and each route apart. */
export function metrics(): Metrics {
  const g = globalThis as Holder;
  g[SLOT] ??= create();
  return g[SLOT];
}

/** A datashare fetch code (some come from MOSIP, an open set) folded into the label's closed set. */
export function downloadResult(code: string | null): string {
  if (code === null) return "stored";
  if (code.startsWith("HTTP_")) return "http_error";
  if (code.startsWith("NETWORK_")) return "network";
  const known: Record<string, string> = {
    TIMEOUT: "timeout",
    AUTH_TOKEN: "auth",
    TOO_LARGE: "too_large",
    EMPTY_BODY: "empty",
    ABANDONED: "abandoned",
  };
  return known[code] ?? "mosip_error";
}

const INTAKE_REASONS = new Set([
  "NOT_JSON",
  "OVERSIZE",
  "INVALID_VALUE",
  "MISSING_FIELD",
  "WRONG_TYPE",
  "UNKNOWN_ID",
  "DUPLICATE_REFERENCE",
  "STORE_FAILED",
]);

/** An intake error code as a label: the known codes, anything else as OTHER. */
export function intakeReason(code: string): string {
  return INTAKE_REASONS.has(code) ? code : "OTHER";
}

/** Seconds since a performance.now() mark. */
export function since(startedMs: number): number {
  return (performance.now() - startedMs) / 1000;
}
