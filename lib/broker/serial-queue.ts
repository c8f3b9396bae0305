/**
 * Runs async jobs strictly one after another. stompjs calls message callbacks without awaiting them,
 * so without this two deliveries would be stored concurrently and acknowledged out of order.
 */
export function createSerialQueue(onError: (e: unknown) => void): { push(job: () => Promise<void>): void; idle(): Promise<void> } {
  let tail: Promise<void> = Promise.resolve();
  return {
    push(job) {
      tail = tail.then(job).catch(onError);
    },
    idle: () => tail,
  };
}
