import "server-only";

// Prisma's "Transaction API error: Unable to start a transaction in the given time." (P2028) means BEGIN never
// completed within maxWait: no statement of the transaction ran, so running it again cannot do anything twice.
// It comes from a pool with no free connection, or from an event loop too busy to see the connection arrive.
const NOT_STARTED = /Unable to start a transaction in the given time/;

/** True for the one transaction error that proves nothing was executed. */
export function isTransactionNotStarted(e: unknown): boolean {
  return (e as { code?: unknown })?.code === "P2028" && NOT_STARTED.test((e as Error).message ?? "");
}

/**
 * Runs fn, again after a short pause whenever its transaction could not start, up to `attempts` times.
 * For background work whose failure would otherwise be logged as an error or leave a row half-way.
 */
export async function retryTransactionStart<T>(fn: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (!isTransactionNotStarted(e) || attempt >= attempts) throw e;
      await new Promise((r) => setTimeout(r, 200 * attempt));
    }
  }
}
