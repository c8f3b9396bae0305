// MOSIP's clock on a case: three moments after which answering no longer helps, each from MOSIP's own
// configuration (docs/configuration.md, "What MOSIP must be set to"):
// - the request message expires (its JMS TTL, the `expires` header): MOSIP stops waiting for this requestId;
// - MOSIP's reprocessor re-sends the packet (registration.processor.reprocess.elapse.time after requesttime)
//   with a new requestId, and an answer to this one is then dropped as unknown;
// - the datashares expire (the partner policy's validity): data not downloaded by then is lost.
// Pure and client-safe: the server computes it, the workbench and the lists show it.

export type ClockKind = "expiry" | "resend" | "shares";

export interface MosipClock {
  /** The request message's JMS expiry, when the broker gave one. */
  messageExpiresAt: string | null;
  /** When MOSIP's reprocessor re-sends the request under a new requestId. */
  resendAt: string;
  /** When the datashares stop answering; null once every share is downloaded (or none is expected). */
  sharesExpireAt: string | null;
}

export interface ClockInput {
  expiresAt: Date | null;
  requestTime: Date | null;
  receivedAt: Date;
  /** Some datashare of the case is still to be downloaded. */
  sharesPending: boolean;
}

export interface ClockSettings {
  reprocessSeconds: number;
  datashareValiditySeconds: number;
}

export function computeMosipClock(input: ClockInput, settings: ClockSettings): MosipClock {
  // MOSIP creates the shares and stamps requesttime just before it sends the request; receipt is the fallback.
  const start = (input.requestTime ?? input.receivedAt).getTime();
  return {
    messageExpiresAt: input.expiresAt?.toISOString() ?? null,
    resendAt: new Date(start + settings.reprocessSeconds * 1000).toISOString(),
    sharesExpireAt: input.sharesPending ? new Date(start + settings.datashareValiditySeconds * 1000).toISOString() : null,
  };
}

/** The moment that comes first, and which one it is. */
export function soonestClock(clock: MosipClock): { kind: ClockKind; at: string } {
  const moments: { kind: ClockKind; at: string | null }[] = [
    { kind: "shares", at: clock.sharesExpireAt },
    { kind: "resend", at: clock.resendAt },
    { kind: "expiry", at: clock.messageExpiresAt },
  ];
  let best = { kind: "resend" as ClockKind, at: clock.resendAt };
  for (const m of moments) if (m.at !== null && Date.parse(m.at) < Date.parse(best.at)) best = { kind: m.kind, at: m.at };
  return best;
}

/** What passes at each moment, in the officer's words. */
export const CLOCK_EVENT: Record<ClockKind, string> = {
  expiry: "MOSIP stops waiting for this request",
  resend: "MOSIP re-sends this request and stops accepting an answer to it",
  shares: "MOSIP's datashares for this case expire",
};
