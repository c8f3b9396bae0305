// MOSIP without a broker: a scenario, its datashares served over HTTP on 127.0.0.1, the request
// messages handed to the caller (the MAS intake) with the headers a STOMP consumer would see, and
// every response checked on receipt. This is what the app runs when no MOSIP_QUEUE_URL is set.

import type { X509Certificate } from "node:crypto";
import type { DatashareEncryption } from "./build-datashare";
import { ResponseChecker, type CheckerSummary, type ResponseVerdict } from "./check-response";
import { startDatashareServer, type DatashareClient, type DatashareServer, type ShareSwitches } from "./datashare-server";
import type { FingerCompression } from "./iso/write-finger-record";
import { DEFAULT_QUEUES, DEFAULT_TTL_SECONDS, deliveryHeaders, type MessageFormat, type QueueNames } from "./message-headers";
import { createScenario, type Scenario, type ScenarioOptions } from "./scenario";
import { SynthesisPool } from "./synthesis-pool";
import { recordScenarioIdentities } from "./record-identities";
import { recordScenarioTruth } from "./record-truth";

export interface EmbeddedSimulatorOptions extends Omit<ScenarioOptions, "publicUrl"> {
  /** The MAS partner certificate; without it datashares are served as plain JSON (policy encryption "none"). */
  certificate?: X509Certificate | string | null;
  /** Default VER_R2 with a certificate, "none" without. */
  encryption?: DatashareEncryption;
  fingerCodec?: FingerCompression;
  host?: string;
  port?: number;
  /** URL written into requests, when the MAS reaches the server through another address. */
  publicUrl?: string;
  format?: MessageFormat;
  ttlSeconds?: number;
  queues?: Partial<QueueNames>;
  requireToken?: boolean;
  clients?: readonly DatashareClient[];
  switches?: ShareSwitches;
  /** Pause between messages handed out, in ms (default 0). */
  intervalMs?: number;
  /** Where datashare bodies are built; default a pool of its own, closed with the simulator. */
  pool?: SynthesisPool;
}

export interface SimulatorMessage {
  queue: string;
  body: string;
  headers: Record<string, string>;
  requestId: string;
  kind: "ADJUDICATION" | "VERIFICATION";
}

export interface EmbeddedSimulator {
  readonly scenario: Scenario;
  readonly datashare: DatashareServer;
  readonly checker: ResponseChecker;
  readonly queues: QueueNames;
  /** Every request message once, in scenario order. */
  messages(): AsyncIterable<SimulatorMessage>;
  /** Feeds every message to the callback, one at a time, awaiting each. */
  onMessage(callback: (message: SimulatorMessage) => void | Promise<void>): Promise<void>;
  receiveResponse(body: string | Uint8Array, meta?: { queue?: string }): ResponseVerdict;
  summary(): CheckerSummary;
  close(): Promise<void>;
}

export async function createEmbeddedSimulator(opts: EmbeddedSimulatorOptions): Promise<EmbeddedSimulator> {
  const encryption = opts.encryption ?? (opts.certificate ? "VER_R2" : "none");
  const bodies = new Map<string, Promise<Buffer>>();
  const pool = opts.pool ?? new SynthesisPool();
  const certificatePem = certificatePemOf(opts.certificate);
  let scenario: Scenario | null = null;

  const datashare = await startDatashareServer({
    host: opts.host,
    port: opts.port,
    requireToken: opts.requireToken,
    clients: opts.clients,
    global: opts.switches,
    resolve: (key) => {
      const subject = scenario?.shares.get(key);
      if (!subject) return Promise.resolve(null);
      let body = bodies.get(key);
      if (!body) {
        // Built in a synthesis worker, off the thread that serves the datashares.
        body = pool.run({ subjects: [subject], encryption, certificatePem, fingerCodec: opts.fingerCodec }).then((b) => b[0]);
        // A failed build must not be cached: the next GET tries again.
        body.catch(() => bodies.delete(key));
        bodies.set(key, body);
      }
      return body;
    },
  });

  scenario = createScenario({ ...opts, publicUrl: opts.publicUrl ?? datashare.url });
  recordScenarioIdentities(scenario);
  recordScenarioTruth(scenario);
  const queues: QueueNames = { ...DEFAULT_QUEUES, ...(opts.queues ?? {}) };
  const checker = scenarioChecker(scenario, queues);
  const fixed = scenario;

  async function* messages(): AsyncGenerator<SimulatorMessage> {
    let n = 0;
    for (const r of fixed.requests) {
      if (n > 0 && opts.intervalMs) await new Promise((resolve) => setTimeout(resolve, opts.intervalMs));
      const queue = r.kind === "ADJUDICATION" ? queues.adjudicationRequest : queues.verificationRequest;
      const headers = deliveryHeaders(r.body, queue, `ID:mosip-simulator-${fixed.seed}-${++n}`, {
        format: opts.format ?? "text",
        ttlSeconds: opts.ttlSeconds ?? DEFAULT_TTL_SECONDS,
        now: Date.now(),
      });
      yield { queue, body: r.body, headers, requestId: r.requestId, kind: r.kind };
    }
  }

  return {
    scenario: fixed,
    datashare,
    checker,
    queues,
    messages,
    async onMessage(callback) {
      for await (const m of messages()) await callback(m);
    },
    receiveResponse: (body, meta) => checker.check(body, meta),
    summary: () => checker.summary(),
    async close() {
      await datashare.close();
      if (!opts.pool) await pool.close();
    },
  };
}

/** The checker of every response MOSIP expects for the scenario's requests. */
export function scenarioChecker(scenario: Scenario, queues: QueueNames): ResponseChecker {
  return new ResponseChecker(
    scenario.requests.map((r) => ({
      kind: r.kind,
      requestId: r.requestId,
      referenceId: r.referenceId,
      gallery: r.gallery.map((g) => ({ referenceId: g.rid })),
      supersedes: r.supersedes,
    })),
    { truth: scenario.truth, queues: { adjudication: queues.adjudicationResponse, verification: queues.verificationResponse } },
  );
}

/** A certificate as PEM text, the form that crosses into a worker thread. */
export function certificatePemOf(certificate: X509Certificate | string | null | undefined): string | null {
  if (!certificate) return null;
  return typeof certificate === "string" ? certificate : certificate.toString();
}
