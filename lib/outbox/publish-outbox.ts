import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import { backoffDelayMs } from "@/lib/broker/backoff-delay";
import { retryTransactionStart } from "@/lib/db/retry-transaction-start";
import { claimOutbox, type ClaimedResponse } from "./claim-outbox";
import { SendError, type ResponseSender } from "./connect-response-sender";
import { markFailed, markPendingAgain, markSent, markUncertain } from "./record-send-result";
import { recoverStaleSending } from "./recover-sending";
import type { Log } from "@/lib/log/logger";

// The outbox publisher: sends each decided case's response to MOSIP at most once.
//
//   PENDING --claim (commit)--> SENDING --receipt--> SENT (+ case ANSWERED, one transaction)
//                                  |--not handed over (broker down)--> PENDING, later, with backoff
//                                  |--broker refused (ERROR frame)---> FAILED (admin retries)
//                                  |--no receipt / connection lost---> UNCERTAIN (admin resolves)
//   SENDING left behind by a crash ------------------------------> UNCERTAIN (recoverStaleSending)
//
// docs/decisions/0003-exactly-once-responses.md explains why UNCERTAIN is never resent automatically.

export interface OutboxPublisherOptions {
  /** How often to look for due rows when nothing kicks the publisher. */
  pollMs?: number;
  /** Backoff between attempts while the broker is unreachable. */
  retry?: { baseMs: number; maxMs: number };
  /**
   * SENDING rows older than this are taken as left behind by a stopped publisher and become UNCERTAIN.
   * Must exceed the sender's receipt timeout (a living publisher's row is never that old).
   */
  staleSendingMs: number;
  log?: Log;
  /**
   * Test seams for crash tests. A rejection stops this publisher on the spot, as a killed process would:
   * the row stays exactly as the database has it.
   */
  hooks?: { afterClaim?: (row: ClaimedResponse) => Promise<void>; afterReceipt?: (row: ClaimedResponse) => Promise<void> };
}

export interface OutboxPublisher {
  /** Look for work now (after a decision or an admin action) instead of at the next poll. */
  kick(): void;
  stop(): Promise<void>;
}

class SimulatedCrash extends Error {}

export function startOutboxPublisher(prisma: PrismaClient, sender: ResponseSender, opts: OutboxPublisherOptions): OutboxPublisher {
  const pollMs = opts.pollMs ?? 1000;
  const retry = opts.retry ?? { baseMs: 1000, maxMs: 60_000 };
  const log = opts.log ?? (() => {});
  let running = true;
  let kicked = false;
  let wake: (() => void) | null = null;

  async function crashPoint(hook: ((row: ClaimedResponse) => Promise<void>) | undefined, row: ClaimedResponse) {
    if (!hook) return;
    try {
      await hook(row);
    } catch (e) {
      running = false;
      throw new SimulatedCrash((e as Error).message);
    }
  }

  async function sendOne(row: ClaimedResponse): Promise<void> {
    await crashPoint(opts.hooks?.afterClaim, row);
    try {
      await sender.send(row);
    } catch (e) {
      const reason = (e as Error).message.slice(0, 300);
      const kind = e instanceof SendError ? e.kind : null;
      if (kind === "NOT_HANDED_OVER") {
        const next = new Date(Date.now() + backoffDelayMs(row.attempts, retry));
        await markPendingAgain(prisma, row, reason, next);
        log(`[outbox] response ${row.id} (case ${row.caseId}) not sent, broker unavailable; next attempt at ${next.toISOString()}`, "warn");
      } else if (kind === "BROKER_REFUSED") {
        // A mark that cannot start would leave the row SENDING, to be read as UNCERTAIN later: retried.
        await retryTransactionStart(() => markFailed(prisma, row, reason));
        log(`[outbox] response ${row.id} (case ${row.caseId}) refused by the broker: ${reason}`, "error");
      } else {
        await retryTransactionStart(() => markUncertain(prisma, row, reason));
        log(`[outbox] response ${row.id} (case ${row.caseId}) is UNCERTAIN (${reason}); an admin must resolve it`, "error");
      }
      return;
    }
    await crashPoint(opts.hooks?.afterReceipt, row);
    // The receipt proves MOSIP's broker has it. A database hiccup now must not turn that proof into an
    // UNCERTAIN row, so the mark is retried for a while before giving up (a crash here is what
    // recoverStaleSending is for).
    for (let attempt = 1; ; attempt++) {
      try {
        await markSent(prisma, row);
        log(`[outbox] response ${row.id} for case ${row.caseId} delivered to ${row.destination}`);
        return;
      } catch (e) {
        if (attempt >= 8 || !running) throw e;
        await new Promise((r) => setTimeout(r, Math.min(5000, 100 * 2 ** attempt)));
      }
    }
  }

  async function cycle(): Promise<boolean> {
    // A busy start-up (fresh pool, held event loop) can keep a transaction from starting; nothing ran, so it
    // is tried again quietly instead of logging a publisher error every poll.
    const recovered = await retryTransactionStart(() => recoverStaleSending(prisma, opts.staleSendingMs));
    if (recovered.length)
      log(`[outbox] ${recovered.length} response(s) found half-sent after a stop are now UNCERTAIN: ${recovered.join(", ")}`, "error");
    // Broker down: leave rows PENDING instead of claiming and releasing them in a loop.
    if (!sender.status().connected) return false;
    // One row per claim, so that a row's sendingAt is the moment it is handed over (see recoverStaleSending).
    const [row] = await retryTransactionStart(() => claimOutbox(prisma, 1));
    if (!row) return false;
    await sendOne(row);
    return true;
  }

  const loop = (async () => {
    while (running) {
      let worked = false;
      try {
        worked = await cycle();
      } catch (e) {
        if (e instanceof SimulatedCrash) break;
        log(`[outbox] publisher error: ${(e as Error).message.split("\n")[0]}`, "error");
      }
      if (worked || !running) continue;
      if (kicked) {
        kicked = false;
        continue;
      }
      await new Promise<void>((res) => {
        const timer = setTimeout(() => {
          wake = null;
          res();
        }, pollMs);
        wake = () => {
          clearTimeout(timer);
          wake = null;
          res();
        };
      });
    }
  })();

  return {
    kick() {
      kicked = true;
      wake?.();
    },
    async stop() {
      running = false;
      wake?.();
      await loop;
    },
  };
}
