import "server-only";
import { downloadResult, metrics, since } from "@/lib/metrics/metrics";
import type { Log } from "@/lib/log/logger";
import type { PrismaClient } from "@/lib/db/generated/client";
import { claimDownloads } from "./claim-downloads";
import { fetchDatashare } from "./fetch-datashare";
import { keepDownloadLease } from "./keep-download-lease";
import { checkAttemptCap } from "./plan-retry";
import { recordDownloadResult, type DownloadOutcome, type RetryPolicy } from "./record-download-result";
import type { TokenSource } from "./token-source";
import { protectBody } from "./protect-body";
import { getRuntimeDataKey } from "@/lib/crypto/runtime-data-key";
import { getEnv } from "@/lib/env/get-env";

export interface DownloadWorkerConfig extends RetryPolicy {
  timeoutMs: number;
  /** A plain (unencrypted) datashare: a permanent download failure, or sealed at rest under the data key. */
  plaintext: "refuse" | "seal";
  /** The local data key; default MAS_DATA_KEY_FILE or the development key (lib/crypto/runtime-data-key.ts). */
  dataKey?: () => Buffer;
  /** Parallel GETs; shares are large and expire together, so a few at a time, not one. */
  concurrency?: number;
  /** How often to look for due retries when nothing kicks the worker. */
  pollMs?: number;
  /** How long a claim holds without renewal: a dead worker's downloads are taken over after this. */
  leaseMs?: number;
  /** How often a live worker renews the leases of its GETs in progress. */
  renewMs?: number;
  maxBodyBytes?: number;
  /**
   * Normal-form origins datashares may be fetched from (MOSIP_DATASHARE_ALLOWED_ORIGINS). Read at every GET, so
   * the embedded simulator can add its own once its server listens.
   */
  allowedOrigins: readonly string[];
  token?: TokenSource;
  fetchImpl?: typeof fetch;
  log?: Log;
}

export interface DownloadWorker {
  /** Look for work now (after intake or an admin retry) instead of at the next poll. */
  kick(): void;
  stop(): Promise<void>;
}

/** MOSIP_DATASHARE_MAX_BYTES's default; see docs/configuration.md. */
const DEFAULT_MAX_BODY = 32 * 1024 * 1024;
/** Short, because it is renewed: a surviving instance takes a dead one's downloads over within seconds. */
export const DEFAULT_LEASE_MS = 10_000;
/** A quarter of the lease: three renewals can be slow or lost before a live GET could be taken over. */
export const DEFAULT_RENEW_MS = 2_500;

export function startDownloadWorker(prisma: PrismaClient, config: DownloadWorkerConfig): DownloadWorker {
  // Fails the start-up (boot exits with the message) rather than quietly giving up on shares early.
  const capProblem = checkAttemptCap(config);
  if (capProblem) throw new Error(capProblem);
  const concurrency = config.concurrency ?? 4;
  const pollMs = config.pollMs ?? 1000;
  const leaseMs = config.leaseMs ?? DEFAULT_LEASE_MS;
  const renewMs = config.renewMs ?? Math.min(DEFAULT_RENEW_MS, Math.floor(leaseMs / 4));
  const log = config.log ?? (() => {});
  const dataKey = config.dataKey ?? (() => getRuntimeDataKey(getEnv()));
  // Read (or, in development, created) now: a missing or malformed key file stops the start, not a download.
  if (config.plaintext === "seal") dataKey();
  let running = true;
  const sleepers = new Set<() => void>();
  // Set by kick() so that a lane whose claim ran just before the new rows were committed looks again.
  let kicked = false;
  const wakeAll = () => {
    for (const w of [...sleepers]) w();
  };

  async function processOne(): Promise<boolean> {
    const [claimed] = await claimDownloads(prisma, 1, leaseMs);
    if (!claimed) return false;
    // Renewed until the result is recorded, not just until the GET ends: a lease running out between the
    // two would let another worker read the share again.
    const lease = keepDownloadLease(prisma, claimed, { leaseMs, renewMs, log });
    let outcome: DownloadOutcome;
    let state: string;
    const started = performance.now();
    try {
      const fetched = await fetchDatashare(claimed.url, {
        timeoutMs: config.timeoutMs,
        maxBytes: config.maxBodyBytes ?? DEFAULT_MAX_BODY,
        allowedOrigins: config.allowedOrigins,
        token: config.token,
        fetchImpl: config.fetchImpl,
        signal: lease.signal,
      });
      outcome = fetched.ok ? protectBody(fetched.body, { plaintext: config.plaintext, dataKey, downloadId: claimed.id }) : fetched;
      // Lost to another worker mid-GET: that worker owns the row now; recording would only be stale.
      const result = downloadResult(outcome.ok ? null : outcome.code);
      metrics().datashareDownloads.inc({ result });
      metrics().datashareDownloadSeconds.observe({ result }, since(started));
      if (lease.lost() && !outcome.ok) return true;
      state = await recordDownloadResult(prisma, claimed, outcome, config);
    } finally {
      lease.stop();
    }
    // Ids and codes only: the URL is a capability to personal data.
    if (!outcome.ok)
      log(`[datashare] download ${claimed.id} (case ${claimed.caseId}) attempt ${claimed.attempts}: ${outcome.code} -> ${state}`);
    return true;
  }

  async function lane(): Promise<void> {
    while (running) {
      let worked = false;
      try {
        worked = await processOne();
      } catch (e) {
        log(`[datashare] worker error: ${(e as Error).message.split("\n")[0]}`, "error");
      }
      if (worked || !running) continue;
      if (kicked) {
        kicked = false;
        continue;
      }
      await new Promise<void>((res) => {
        const done = () => {
          clearTimeout(timer);
          sleepers.delete(done);
          res();
        };
        const timer = setTimeout(done, pollMs);
        sleepers.add(done);
      });
    }
  }

  const lanes = Array.from({ length: concurrency }, () => lane());
  return {
    kick() {
      kicked = true;
      wakeAll();
    },
    async stop() {
      running = false;
      wakeAll();
      await Promise.all(lanes);
    },
  };
}
