import "server-only";
import { type FingerWork, inThreadFingerWork } from "./finger-work";

// TEMPORARY: replaced by the worker-thread implementation.
export function getFingerWorkPool(): FingerWork {
  return inThreadFingerWork;
}
export async function closeFingerWorkPool(): Promise<void> {}
