import type { Operation } from "./operation";
import { operations } from "./operations";

let ids: Map<Operation, string> | undefined;

/**
 * The registry's name of an operation (e.g. "recordDecision"): the label of its log lines and metrics, a closed
 * set that never holds an id from the path. An operation outside the registry (tests) is named by method and
 * path template.
 */
export function operationId(op: Operation): string {
  ids ??= new Map(Object.entries(operations).map(([name, o]) => [o as Operation, name]));
  return ids.get(op) ?? `${op.method} ${op.path}`;
}
