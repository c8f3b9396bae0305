import "server-only";
import { metrics } from "@/lib/metrics/metrics";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { MosipEnv } from "@/lib/env/env-schema";
import { receiveRequest } from "@/lib/intake/receive-request";
import { getCaseImageCache } from "@/lib/biometrics/case-image-cache";
import { recordUnstorableMessage } from "@/lib/intake/record-unstorable-message";
import { startDownloadWorker, type DownloadWorker } from "@/lib/datashare/run-download-worker";
import { createTokenSource } from "@/lib/datashare/token-source";
import { parseQueueUrls } from "@/lib/broker/parse-queue-urls";
import { queueDialect } from "@/lib/broker/queue-dialect";
import { logFor, toLog, type Log } from "@/lib/log/logger";
import { messageLogId } from "@/lib/log/request-id";
import { startQueueConsumer, type ConsumerStatus, type DeliveredMessage } from "@/lib/broker/queue-consumer";

// The intake half of the MOSIP bridge: requests off both request queues into cases, then every
// datashare of each new case downloaded at once (shares expire about 30 minutes after MOSIP made them).

export interface MosipBridge {
  status(): ConsumerStatus;
  downloads: DownloadWorker;
  stop(): Promise<void>;
}

export interface MosipBridgeOptions {
  log?: Log;
  /** Tests shorten these; production keeps the defaults. */
  reconnect?: { baseMs: number; maxMs: number };
  heartbeatMs?: number;
  downloadPollMs?: number;
  /** After this many failed attempts to store the same message, it is parked as an intake error. */
  maxStoreFailures?: number;
  /** False in a process without the worker role: the datashares are fetched by a worker process instead. */
  runDownloads?: boolean;
}

/** The datashare download worker on MOSIP's settings (token source included). */
export function startMosipDownloads(prisma: PrismaClient, env: MosipEnv, opts: { log: Log; pollMs?: number }): DownloadWorker {
  return startDownloadWorker(prisma, {
    ...env.datashare,
    token: env.auth ? createTokenSource(env.auth, { timeoutMs: env.datashare.timeoutMs }) : undefined,
    pollMs: opts.pollMs,
    log: opts.log,
  });
}

export function startMosipBridge(prisma: PrismaClient, env: MosipEnv, opts: MosipBridgeOptions = {}): MosipBridge {
  if (!env.queueUrl) throw new Error("MOSIP_QUEUE_URL is not set");
  const log = opts.log ?? toLog(logFor("bridge"));
  const endpoints = parseQueueUrls(env.queueUrl, env.queueTls);
  const maxStoreFailures = opts.maxStoreFailures ?? 5;
  // Without it, new downloads wait for a worker process's next poll (about a second).
  const downloads: DownloadWorker =
    opts.runDownloads === false ? { kick() {}, async stop() {} } : startMosipDownloads(prisma, env, { log, pollMs: opts.downloadPollMs });
  // Per broker message-id; a message that keeps failing would otherwise block its queue forever.
  const storeFailures = new Map<string, number>();

  async function handle(m: DeliveredMessage): Promise<void> {
    const message = { destination: m.queue, headers: m.headers, body: m.body };
    const key = m.headers["message-id"] ?? "";
    // Every line about this message carries the same id, a hash of the broker's: never the RID.
    const fields = { queueMessageId: messageLogId(key) };
    try {
      const r = await receiveRequest(prisma, message, {
        maxBytes: env.maxRequestBytes,
        deadlineWindowMinutes: env.deadlineMinutes,
        reprocessSeconds: env.reprocessSeconds,
        allowedOrigins: env.datashare.allowedOrigins,
      });
      storeFailures.delete(key);
      // requestId and case ids are not personal data; RIDs, URLs and bodies are never logged.
      if (r.outcome === "created") {
        log(
          `[bridge] ${m.queue}: request ${r.requestId} -> case ${r.caseId}${r.supersededCaseIds.length ? ` (supersedes ${r.supersededCaseIds.join(", ")})` : ""}`,
          "info",
          fields,
        );
        downloads.kick();
        // A superseded case is closed: whatever of it was decrypted for viewing leaves memory.
        for (const id of r.supersededCaseIds) getCaseImageCache().dropCase(id);
      } else if (r.outcome === "duplicate") {
        log(`[bridge] ${m.queue}: request ${r.requestId} already received (case ${r.caseId})`, "info", fields);
      } else {
        log(`[bridge] ${m.queue}: message rejected (${r.code}), kept as intake error ${r.inboxId}`, "warn", fields);
      }
    } catch (e) {
      const failures = (storeFailures.get(key) ?? 0) + 1;
      storeFailures.set(key, failures);
      if (key !== "" && failures >= maxStoreFailures) {
        // Throws again if the database itself is down: then the message simply stays on the queue.
        const id = await recordUnstorableMessage(prisma, message, e as Error, failures);
        storeFailures.delete(key);
        metrics().intakeMessages.inc({ queue: m.queue, outcome: "parked" });
        metrics().intakeErrors.inc({ reason: "STORE_FAILED" });
        log(`[bridge] ${m.queue}: message failed ${failures} times; parked as intake error ${id}`, "error", fields);
        return;
      }
      throw e;
    }
  }

  const consumer = startQueueConsumer({
    endpoints,
    dialect: queueDialect(env.broker),
    queues: [env.queues.adjudicationRequest, env.queues.verificationRequest],
    handler: handle,
    heartbeatMs: opts.heartbeatMs ?? env.heartbeatMs,
    reconnect: opts.reconnect,
    log,
  });

  return {
    status: consumer.status,
    downloads,
    async stop() {
      await consumer.stop();
      await downloads.stop();
    },
  };
}
