import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { SessionUser } from "@/lib/auth/load-user";
import { getCaseImageCache, type CaseImageCache } from "@/lib/biometrics/case-image-cache";
import { getEnv } from "@/lib/env/get-env";
import { logFor } from "@/lib/log/logger";
import { metrics } from "@/lib/metrics/metrics";
import { processSlot } from "@/lib/process/process-slot";
import { barredFromSecondary } from "./barred-from-secondary";
import { caseRole } from "./case-access";
import { awaitingAssignee, heldBy, isOneOf } from "./case-lifecycle";
import { loadSubject } from "./load-subject";
import { renderSubjectThumbnails } from "./subject-thumbnails";

/**
 * Prefetch: the officer's next cases are made ready in the per-case memory cache before they open them, so that
 * "Next case" shows a case without waiting for decryption and image decoding
 * ([decision 0023](../../docs/decisions/0023-case-prefetch-and-batched-thumbnails.md)).
 *
 * Prefetch only fills the cache. It shows nothing to anyone and records no view: every page, image and thumbnail is
 * still authorised and audited at its route, and a case the officer may not open stays closed to them whether or
 * not its data is in memory. The work runs on the worker pools as background jobs (behind every job someone waits
 * for), one case at a time per process, for at most MAS_PREFETCH_CASES cases per officer, and only while the cache
 * is less than half full, so prefetch never evicts what officers are looking at. What it prepares leaves memory like
 * the rest of the case: on the final decision, supersession, reassignment, release, retention, or LRU eviction.
 */

/** Cases a review is prepared for: only these can be opened by a reviewer. */
const REVIEW_OPEN_STATES = ["READY", "IN_PRIMARY", "IN_SECONDARY", "CONFLICT"] as const;
/** Prefetch stops while the cache holds more than this share of its bytes. */
const CACHE_SHARE = 0.5;
/**
 * How long preparing waits after it is asked for: it is asked for as a page is being served, and on two cores the
 * decoding would take the CPU the officer's browser needs to paint that page. An officer reads a case for far longer.
 */
const START_DELAY_MS = 1500;
/** Cases waiting to be prepared, whatever the number of officers; the oldest requests give way. */
const MAX_PENDING = 64;
/** The order "Next case" hands out cases in (claim-next-case.ts). */
const CLAIM_ORDER = [
  { deadlineAt: { sort: "asc" as const, nulls: "last" as const } },
  { receivedAt: "asc" as const },
  { id: "asc" as const },
];

const log = () => logFor("prefetch");

/**
 * Makes what the workbench first shows of one case ready in the cache: the applicant and the first candidate
 * (the one on screen when the case opens) decrypted, parsed and their grid thumbnails decoded, then the other
 * candidates decrypted and parsed (the case view needs every one). `background` puts every job behind the
 * ones someone is waiting for.
 */
export async function prepareCase(prisma: PrismaClient, caseId: string, { background }: { background: boolean }): Promise<boolean> {
  const c = await prisma.case.findUnique({
    where: { id: caseId },
    select: {
      state: true,
      applicantDataStatus: true,
      candidates: { orderBy: { position: "asc" }, select: { id: true, dataStatus: true } },
    },
  });
  if (!c || !isOneOf(REVIEW_OPEN_STATES, c.state)) return false;
  const ready = [
    ...(c.applicantDataStatus === "AVAILABLE" ? ["applicant"] : []),
    ...c.candidates.filter((k) => k.dataStatus === "AVAILABLE").map((k) => k.id),
  ];
  const firstCandidate = c.candidates[0]?.id;
  const visible = ready.filter((k) => k === "applicant" || k === firstCandidate);
  await Promise.all(visible.map((k) => renderSubjectThumbnails(prisma, caseId, k, { background })));
  for (const k of ready.filter((k) => !visible.includes(k))) await loadSubject(prisma, caseId, k, { background });
  return true;
}

/**
 * When an officer opens a case (or has just claimed it with "Next case"): starts preparing its visible subjects at
 * once, at normal priority, so the thumbnails decode while the rest of the case view is still being built. Only
 * for someone allowed to open the case, and never throws: the page's own requests do the work if this fails.
 */
export function warmOpenedCase(prisma: PrismaClient, user: SessionUser, caseId: string): void {
  void (async () => {
    const c = await prisma.case.findUnique({
      where: { id: caseId },
      select: { state: true, primaryAssigneeId: true, secondaryAssigneeId: true },
    });
    if (!c || !caseRole(user, c)) return;
    await prepareCase(prisma, caseId, { background: false });
  })().catch((e: unknown) => log().debug({ err: errorName(e) }, "warming an opened case failed"));
}

/**
 * The cases an officer is likely to open next, most likely first: those they hold, in "Next case" order, then the
 * cases waiting for a reviewer that "Next case" would hand them (secondary reviews they are not barred from, then
 * primary ones). A guess for the cache only: claiming still decides who gets what.
 */
export async function nextCasesFor(prisma: PrismaClient, userId: string, limit: number, except: string[] = []): Promise<string[]> {
  if (limit <= 0) return [];
  const notIn = { id: { notIn: except } };
  const held = await prisma.case.findMany({
    where: { ...heldBy(userId), ...notIn },
    orderBy: CLAIM_ORDER,
    take: limit,
    select: { id: true },
  });
  const out = held.map((c) => c.id);
  if (out.length >= limit) return out;
  const secondaries = await prisma.case.findMany({
    where: { ...awaitingAssignee("SECONDARY"), ...notIn },
    orderBy: CLAIM_ORDER,
    take: 2 * limit,
    select: { id: true },
  });
  const barred = await barredFromSecondary(
    prisma,
    secondaries.map((c) => c.id),
  );
  for (const c of secondaries) if (out.length < limit && !barred.get(c.id)?.has(userId)) out.push(c.id);
  if (out.length >= limit) return out;
  const primaries = await prisma.case.findMany({
    where: { ...awaitingAssignee("PRIMARY"), ...notIn },
    orderBy: CLAIM_ORDER,
    take: limit - out.length,
    select: { id: true },
  });
  return out.concat(primaries.map((c) => c.id));
}

/** The process's queue of cases to prepare ahead: bounded, deduplicated, one case at a time. */
export class CasePrefetcher {
  private readonly pending: string[] = [];
  private running: Promise<void> | null = null;
  private closed = false;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly cache: CaseImageCache,
    private readonly options: { casesPerOfficer: number; maxPending?: number; startDelayMs?: number },
  ) {}

  /** Cases waiting or being prepared. */
  get backlog(): number {
    return this.pending.length + (this.running ? 1 : 0);
  }

  /** Queues an officer's next cases (nextCasesFor); `except` is the case they are opening. Never throws. */
  async prefetchFor(userId: string, except: string[] = []): Promise<void> {
    if (this.closed || this.options.casesPerOfficer <= 0) return;
    try {
      this.enqueue(await nextCasesFor(this.prisma, userId, this.options.casesPerOfficer, except));
    } catch (e) {
      log().warn({ err: errorName(e) }, "choosing cases to prefetch failed");
    }
  }

  /** Queues these cases, most likely first (a case already queued keeps its place). */
  enqueue(caseIds: readonly string[]): void {
    if (this.closed) return;
    for (const id of caseIds) if (!this.pending.includes(id)) this.pending.push(id);
    const max = this.options.maxPending ?? MAX_PENDING;
    if (this.pending.length > max) this.pending.splice(0, this.pending.length - max);
    this.report();
    if (!this.running) {
      // Cleared in a .finally, which always runs later: a drain that ends without awaiting (every case skipped)
      // would otherwise clear `running` before it is set, and idle() would wait for ever.
      const run: Promise<void> = this.drain().finally(() => {
        if (this.running === run) this.running = null;
        this.report();
      });
      this.running = run;
    }
  }

  /** Resolves when nothing is waiting or being prepared (tests, the benchmark's pacing). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Stops taking work; the case being prepared finishes. */
  async close(): Promise<void> {
    this.closed = true;
    this.pending.splice(0);
    await this.idle();
  }

  private async drain(): Promise<void> {
    try {
      await new Promise((r) => setTimeout(r, this.options.startDelayMs ?? START_DELAY_MS));
      for (let id = this.pending.shift(); id !== undefined && !this.closed; id = this.pending.shift()) {
        this.report();
        const { bytes, maxBytes } = this.cache.stats();
        if (bytes > maxBytes * CACHE_SHARE) {
          metrics().prefetchCases.inc({ outcome: "skipped_memory" });
          continue;
        }
        try {
          if (await prepareCase(this.prisma, id, { background: true })) metrics().prefetchCases.inc({ outcome: "prepared" });
          // Decided or taken out of review while it was being prepared: nothing of it stays for nobody.
          const now = await this.prisma.case.findUnique({ where: { id }, select: { state: true } });
          if (!now || !isOneOf(REVIEW_OPEN_STATES, now.state)) this.cache.dropCase(id);
        } catch (e) {
          metrics().prefetchCases.inc({ outcome: "failed" });
          log().warn({ err: errorName(e) }, "prefetching a case failed");
        }
      }
    } catch (e) {
      log().warn({ err: errorName(e) }, "prefetch stopped");
    }
  }

  private report(): void {
    metrics().prefetchPending.set(this.backlog);
  }
}

/** Only the error's name: messages of lower layers may quote data. */
function errorName(e: unknown): string {
  return e instanceof Error ? e.name : typeof e;
}

const prefetcherSlot = processSlot<CasePrefetcher | null>("cases.prefetcher");

/**
 * The process's prefetcher, or null where prefetch is off (MAS_PREFETCH_CASES=0) or pointless: a process without
 * the web role serves no pages, so its cache is not the one officers read.
 */
export function getCasePrefetcher(prisma: PrismaClient): CasePrefetcher | null {
  return prefetcherSlot.getOrCreate(() => {
    const env = getEnv();
    if (env.prefetchCases <= 0 || !env.roles.includes("web")) return null;
    return new CasePrefetcher(prisma, getCaseImageCache(), { casesPerOfficer: env.prefetchCases });
  });
}

/** Prepares an officer's next cases in the background, if this process prefetches; never throws. */
export function prefetchNextCases(prisma: PrismaClient, userId: string, except: string[] = []): void {
  void getCasePrefetcher(prisma)?.prefetchFor(userId, except);
}
