// How a queue is named and addressed on the wire, per broker. MOSIP's own services reach the broker over
// OpenWire with plain queue names ("mosip-to-adjudication"); over STOMP the two brokers differ:
// - ActiveMQ Classic maps `/queue/<name>` to that queue; `activemq.prefetchSize` bounds what it pushes.
// - Artemis maps a destination to the address of the same name (an acceptor's anycastPrefix is stripped
//   when present, so the bare name works on any acceptor). Without `destination-type: ANYCAST` a SEND to an
//   address that does not exist yet creates a multicast address, and MOSIP's queue consumer would never see
//   the message (ARTEMIS-1905); a SUBSCRIBE needs `subscription-type: ANYCAST` for the same reason.
//   `consumer-window-size: 0` makes Artemis hand over one message at a time, until it is acknowledged.

export const BROKER_KINDS = ["classic", "artemis"] as const;
export type BrokerKind = (typeof BROKER_KINDS)[number];

export interface QueueDialect {
  kind: BrokerKind;
  /** The STOMP `destination` header for a queue name. */
  destination(queue: string): string;
  /** Extra headers of every SEND to a queue. */
  sendHeaders: Readonly<Record<string, string>>;
  /** Extra headers of every SUBSCRIBE to a queue (ack mode is the consumer's own). */
  subscribeHeaders: Readonly<Record<string, string>>;
}

const DIALECTS: Record<BrokerKind, QueueDialect> = {
  classic: {
    kind: "classic",
    destination: (queue) => `/queue/${queue}`,
    sendHeaders: {},
    subscribeHeaders: { "activemq.prefetchSize": "1" },
  },
  artemis: {
    kind: "artemis",
    destination: (queue) => queue,
    sendHeaders: { "destination-type": "ANYCAST" },
    subscribeHeaders: { "subscription-type": "ANYCAST", "consumer-window-size": "0" },
  },
};

export function queueDialect(kind: BrokerKind): QueueDialect {
  return DIALECTS[kind];
}
