import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import { claimDownloads } from "./claim-downloads";
import { fetchDatashare } from "./fetch-datashare";
import { recordDownloadResult, type RetryPolicy } from "./record-download-result";
import type { TokenSource } from "./token-source";

export interface DownloadWorkerConfig extends RetryPolicy {
  timeoutMs: number;
  /** Parallel GETs; shares are large and expire together, so a few at a time, not one. */
  concurrency?: number;
  /** How often to look for due retries when nothing kicks the worker. */
  pollMs?: number;
  maxBodyBytes?: number;
  token?: TokenSource;
  fetchImpl?: typeof fetch;
  log?: (line: string) => void;
}

export interface DownloadWorker {
  /** Look for work now (after intake or an admin retry) instead of at the next poll. */
  kick(): void;
  stop(): Promise<void>;
}

const DEFAULT_MAX_BODY = 256 * 1024 * 1024;

export function startDownloadWorker(prisma: PrismaClient, config: DownloadWorkerConfig): DownloadWorker {
  const concurrency = config.concurrency ?? 4;
  const pollMs = config.pollMs ?? 1000;
  // Longer than one full GET, so a live worker never loses its row to another one.
  const leaseMs = config.timeoutMs * 2 + 30_000;
  const log = config.log ?? (() => {});
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
    const outcome = await fetchDatashare(claimed.url, {
      timeoutMs: config.timeoutMs,
      maxBytes: config.maxBodyBytes ?? DEFAULT_MAX_BODY,
      token: config.token,
      fetchImpl: config.fetchImpl,
    });
    const state = await recordDownloadResult(prisma, claimed, outcome, config);
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
        log(`[datashare] worker error: ${(e as Error).message.split("\n")[0]}`);
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
