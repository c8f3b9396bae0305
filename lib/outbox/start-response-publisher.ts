import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { MosipEnv } from "@/lib/env/env-schema";
import { queueDialect } from "@/lib/broker/queue-dialect";
import { parseQueueUrls } from "@/lib/broker/parse-queue-urls";
import { connectResponseSender, type ResponseSender, type SenderStatus } from "./connect-response-sender";
import { connectInProcessSender } from "./connect-in-process-sender";
import { startOutboxPublisher, type OutboxPublisher, type OutboxPublisherOptions } from "./publish-outbox";
import { processSlot } from "@/lib/process/process-slot";
import { logFor, toLog, type Log } from "@/lib/log/logger";

export interface ResponsePublisher {
  status(): SenderStatus;
  kick(): void;
  stop(): Promise<void>;
}

export interface ResponsePublisherOptions extends Partial<Omit<OutboxPublisherOptions, "log">> {
  log?: Log;
  receiptTimeoutMs?: number;
  heartbeatMs?: number;
  reconnect?: { baseMs: number; maxMs: number };
}

/** The STOMP sender on MOSIP_QUEUE_URL plus the outbox publisher that feeds it. */
export function startResponsePublisher(
  prisma: PrismaClient,
  env: Pick<MosipEnv, "queueUrl" | "heartbeatMs" | "broker" | "queueTls">,
  opts: ResponsePublisherOptions = {},
): ResponsePublisher {
  if (!env.queueUrl) throw new Error("MOSIP_QUEUE_URL is not set");
  const log = opts.log ?? toLog(logFor("outbox"));
  const receiptTimeoutMs = opts.receiptTimeoutMs ?? 30_000;
  const sender: ResponseSender = connectResponseSender({
    endpoints: parseQueueUrls(env.queueUrl, env.queueTls),
    dialect: queueDialect(env.broker),
    receiptTimeoutMs,
    heartbeatMs: opts.heartbeatMs ?? env.heartbeatMs,
    reconnect: opts.reconnect,
    log,
  });
  const publisher: OutboxPublisher = startOutboxPublisher(prisma, sender, {
    ...opts,
    // Twice the receipt timeout: a row that old cannot belong to a publisher that is still waiting.
    staleSendingMs: opts.staleSendingMs ?? receiptTimeoutMs * 2,
    log,
  });
  return publisherOver(sender, publisher);
}

/** The publisher and the sender it feeds, stopped in that order (no row is claimed for a closed sender). */
function publisherOver(sender: Pick<ResponseSender, "status" | "stop">, publisher: OutboxPublisher): ResponsePublisher {
  return {
    status: sender.status,
    kick: publisher.kick,
    async stop() {
      await publisher.stop();
      await sender.stop();
    },
  };
}

// One publisher per process: route handlers (admin actions kick it) and /api/health reach it here.
const publisherSlot = processSlot<ResponsePublisher>("responsePublisher");

export function startResponsePublisherOnce(prisma: PrismaClient, env: MosipEnv, log: Log): ResponsePublisher {
  return publisherSlot.getOrCreate(() => startResponsePublisher(prisma, env, { log }));
}

/** The embedded default: the same publisher, delivering to the in-process MOSIP simulator. */
export function startInProcessResponsePublisherOnce(
  prisma: PrismaClient,
  deliver: (queue: string, body: string) => void,
  log: Log,
): ResponsePublisher {
  return publisherSlot.getOrCreate(() => {
    const sender = connectInProcessSender(deliver);
    return publisherOver(sender, startOutboxPublisher(prisma, sender, { staleSendingMs: 60_000, log }));
  });
}

export function getResponsePublisher(): ResponsePublisher | undefined {
  return publisherSlot.get();
}
