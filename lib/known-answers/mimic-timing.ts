import { computeDeadline } from "@/lib/intake/compute-deadline";

/** What a real request looked like on arrival, relative to its receipt. */
export interface TimingTemplate {
  receivedAt: Date;
  requestTime: Date | null;
  expiresAt: Date | null;
  deadlineAt: Date | null;
  requestFormat: "TEXT" | "BYTES" | null;
  candidateCount: number;
}

export interface CaseTiming {
  requestTime: Date | null;
  expiresAt: Date | null;
  deadlineAt: Date;
  requestFormat: "TEXT" | "BYTES" | null;
}

/**
 * The times a known-answer case carries, received `now`: those of a real request received recently, shifted to
 * `now` (MOSIP's requesttime lag, its message TTL, the deadline they gave), so that neither the queue's order nor
 * the clock shown to an officer sets it apart. Without a real request to copy, MOSIP's defaults as intake applies them.
 */
export function mimicTiming(
  now: Date,
  template: TimingTemplate | null,
  mosip: { deadlineMinutes: number; reprocessSeconds: number },
): CaseTiming {
  if (!template) {
    const requestTime = new Date(now.getTime() - 2_000);
    return {
      requestTime,
      expiresAt: null,
      deadlineAt: computeDeadline({
        expiresAt: null,
        requestTime,
        receivedAt: now,
        windowMinutes: mosip.deadlineMinutes,
        reprocessSeconds: mosip.reprocessSeconds,
      }),
      requestFormat: "TEXT",
    };
  }
  const shift = (d: Date | null) => (d ? new Date(now.getTime() + (d.getTime() - template.receivedAt.getTime())) : null);
  const requestTime = shift(template.requestTime);
  const expiresAt = shift(template.expiresAt);
  return {
    requestTime,
    expiresAt,
    deadlineAt:
      shift(template.deadlineAt) ??
      computeDeadline({
        expiresAt,
        requestTime,
        receivedAt: now,
        windowMinutes: mosip.deadlineMinutes,
        reprocessSeconds: mosip.reprocessSeconds,
      }),
    requestFormat: template.requestFormat,
  };
}
