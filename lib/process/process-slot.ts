/**
 * A named value held once per process. Next.js bundles instrumentation and each route apart, so module
 * state is not shared between them (and dev reloads re-evaluate modules); globalThis is shared. Every
 * process-wide object (database, bridge, caches, pools) lives in one of these slots.
 */
export interface ProcessSlot<T> {
  get(): T | undefined;
  /** The held value, created by `create` on first use. */
  getOrCreate(create: () => T): T;
  set(value: T): void;
  clear(): void;
}

const SLOTS = Symbol.for("mas.processSlots");
type Holder = typeof globalThis & { [SLOTS]?: Map<string, unknown> };

function slots(): Map<string, unknown> {
  const g = globalThis as Holder;
  g[SLOTS] ??= new Map();
  return g[SLOTS];
}

export function processSlot<T>(name: string): ProcessSlot<T> {
  return {
    get: () => slots().get(name) as T | undefined,
    getOrCreate(create) {
      const map = slots();
      if (map.has(name)) return map.get(name) as T;
      const value = create();
      map.set(name, value);
      return value;
    },
    set: (value) => void slots().set(name, value),
    clear: () => void slots().delete(name),
  };
}
