import "server-only";
import { processSlot } from "@/lib/process/process-slot";

/**
 * In-memory home of everything sensitive a case shows: decoded biometric
 * images and the decrypted identity. Nothing here is ever written to disk or
 * a shared cache. Bounded by bytes with least-recently-used eviction, emptied
 * per case by dropCase() when the case closes (or is reassigned), and
 * single-flight so that the 52 image requests a comparison page fires at once
 * decode each BIR once.
 */

export interface CacheKey {
  caseId: string;
  /** "applicant" or a candidate's reference id. */
  subject: string;
  /** BIR index within the subject's CBEFF, or a name for non-image entries ("identity"). */
  bir: number | string;
}

export interface CaseImageCacheOptions {
  /** Upper bound on the summed `bytes` of cached entries; default 256 MiB. */
  maxBytes?: number;
}

export interface CacheStats {
  entries: number;
  bytes: number;
  maxBytes: number;
  hits: number;
  misses: number;
  evictions: number;
}

interface Flight {
  caseId: string;
  promise: Promise<unknown>;
  dropped: boolean;
}

interface Entry {
  caseId: string;
  value: unknown;
  bytes: number;
}

export const DEFAULT_CACHE_BYTES = 256 * 1024 * 1024;

// JSON of the parts keeps keys unambiguous whatever characters ids contain.
function keyOf({ caseId, subject, bir }: CacheKey): string {
  return JSON.stringify([caseId, subject, bir]);
}

export class CaseImageCache {
  readonly maxBytes: number;
  // Map iteration order is insertion order: re-inserting on use keeps the least recently used first.
  private readonly entries = new Map<string, Entry>();
  // `dropped` is set by dropCase so a decode that started before the drop is not cached after it.
  private readonly inflight = new Map<string, Flight>();
  private bytes = 0;
  private hits = 0;
  private misses = 0;
  private evictions = 0;

  constructor(options: CaseImageCacheOptions = {}) {
    const maxBytes = options.maxBytes ?? DEFAULT_CACHE_BYTES;
    if (!Number.isFinite(maxBytes) || maxBytes < 0)
      throw new RangeError(`cache size must be a non-negative number of bytes, got ${maxBytes}`);
    this.maxBytes = maxBytes;
  }

  get(key: CacheKey): unknown {
    const k = keyOf(key);
    const entry = this.entries.get(k);
    if (!entry) return undefined;
    this.entries.delete(k);
    this.entries.set(k, entry);
    return entry.value;
  }

  has(key: CacheKey): boolean {
    return this.entries.has(keyOf(key));
  }

  /** Stores a value of the given size; a value larger than the whole cache is not kept. */
  set(key: CacheKey, value: unknown, bytes: number): void {
    const k = keyOf(key);
    this.remove(k);
    if (!(bytes >= 0) || bytes > this.maxBytes) return;
    this.entries.set(k, { caseId: key.caseId, value, bytes });
    this.bytes += bytes;
    this.evictOverflow();
  }

  /**
   * The cached value, or the one `produce` makes, cached with `sizeOf(value)`
   * bytes. Concurrent callers for one key share a single `produce` call; a
   * failure is not cached, so the next caller tries again.
   */
  getOrCreate<T>(key: CacheKey, produce: () => Promise<T>, sizeOf: (value: T) => number): Promise<T> {
    const k = keyOf(key);
    const entry = this.entries.get(k);
    if (entry) {
      this.hits++;
      this.entries.delete(k);
      this.entries.set(k, entry);
      return Promise.resolve(entry.value as T);
    }
    const running = this.inflight.get(k);
    if (running) {
      this.hits++;
      return running.promise as Promise<T>;
    }
    this.misses++;
    const flight: Flight = { caseId: key.caseId, promise: Promise.resolve(), dropped: false };
    const promise = (async () => {
      try {
        const value = await produce();
        if (!flight.dropped) this.set(key, value, sizeOf(value));
        return value;
      } finally {
        if (this.inflight.get(k) === flight) this.inflight.delete(k);
      }
    })();
    flight.promise = promise;
    this.inflight.set(k, flight);
    return promise;
  }

  /** Forgets everything held for a case, including results of decodes still running. */
  dropCase(caseId: string): number {
    let removed = 0;
    for (const [k, entry] of this.entries) {
      if (entry.caseId === caseId) {
        this.remove(k);
        removed++;
      }
    }
    for (const [k, flight] of this.inflight) {
      if (flight.caseId !== caseId) continue;
      flight.dropped = true;
      this.inflight.delete(k);
    }
    return removed;
  }

  clear(): void {
    for (const flight of this.inflight.values()) flight.dropped = true;
    this.inflight.clear();
    this.entries.clear();
    this.bytes = 0;
  }

  stats(): CacheStats {
    return {
      entries: this.entries.size,
      bytes: this.bytes,
      maxBytes: this.maxBytes,
      hits: this.hits,
      misses: this.misses,
      evictions: this.evictions,
    };
  }

  private remove(k: string): void {
    const entry = this.entries.get(k);
    if (!entry) return;
    this.entries.delete(k);
    this.bytes -= entry.bytes;
  }

  private evictOverflow(): void {
    for (const k of this.entries.keys()) {
      if (this.bytes <= this.maxBytes) return;
      this.remove(k);
      this.evictions++;
    }
  }
}

/** Approximate memory of a value built from byte arrays and strings (images, decoded identity). */
export function approximateBytes(value: unknown, seen = new Set<object>()): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === "string") return 2 * value.length;
  if (typeof value !== "object") return 8;
  if (ArrayBuffer.isView(value)) return value.byteLength;
  if (value instanceof ArrayBuffer) return value.byteLength;
  if (seen.has(value)) return 0;
  seen.add(value);
  let total = 16;
  for (const [k, v] of Object.entries(value)) total += 2 * k.length + approximateBytes(v, seen);
  return total;
}

const cacheSlot = processSlot<CaseImageCache>("biometrics.caseImageCache");

/** Size from MAS_IMAGE_CACHE_MB when set to a positive number, else 256 MiB. */
export function getCaseImageCache(): CaseImageCache {
  return cacheSlot.getOrCreate(() => {
    const mb = Number(process.env.MAS_IMAGE_CACHE_MB);
    return new CaseImageCache({ maxBytes: Number.isFinite(mb) && mb > 0 ? mb * 1024 * 1024 : DEFAULT_CACHE_BYTES });
  });
}
