import "server-only";
import type { Database } from "@/lib/db/open-database";
import { getMosipBridge } from "@/lib/bridge/mosip-bridge-instance";
import { getResponsePublisher } from "@/lib/outbox/start-response-publisher";
import { countOutbox } from "@/lib/outbox/count-outbox";
import pkg from "@/package.json";
import type { SessionUser } from "@/lib/auth/load-user";
import { logFor } from "@/lib/log/logger";

export interface BrokerHealth {
  /** MOSIP_QUEUE_URL is set (unset = the embedded simulator, no broker). */
  configured: boolean;
  /** Both the request consumer and the response sender are connected. */
  connected: boolean;
  /** Endpoint in use, password masked. */
  url: string | null;
  lastMessageAt: string | null;
  /** Reconnections since start-up (consumer + sender). */
  reconnects: number;
  consumer: { connected: boolean; lastError: string | null } | null;
  sender: { connected: boolean; lastSentAt: string | null; lastError: string | null } | null;
}

export interface Health {
  status: "ok" | "degraded";
  version: string;
  database: { kind: string; reachable: boolean; error?: string };
  broker: BrokerHealth;
  /** Null when the database is unreachable. UNCERTAIN and FAILED responses need an admin. */
  outbox: { pending: number; uncertain: number; failed: number; oldestPendingAt: string | null } | null;
}

export function brokerHealth(): BrokerHealth {
  const consumer = getMosipBridge()?.status();
  const sender = getResponsePublisher()?.status();
  return {
    // The bridge exists only with MOSIP_QUEUE_URL; the embedded simulator has a publisher but no broker.
    configured: Boolean(consumer),
    connected: Boolean(consumer?.connected && sender?.connected),
    url: consumer?.url ?? sender?.url ?? null,
    lastMessageAt: consumer?.lastMessageAt?.toISOString() ?? null,
    reconnects: (consumer?.reconnectCount ?? 0) + (sender?.reconnectCount ?? 0),
    consumer: consumer ? { connected: consumer.connected, lastError: consumer.lastError } : null,
    sender:
      sender && consumer
        ? { connected: sender.connected, lastSentAt: sender.lastSentAt?.toISOString() ?? null, lastError: sender.lastError }
        : null,
  };
}

// "degraded" (503) only for the database: a broker outage is reported here but must not take the app out of
// a load balancer's rotation, because reviewing cases goes on without it (answers wait in the outbox).
export async function checkHealth(db: Database): Promise<Health> {
  const broker = brokerHealth();
  try {
    await db.sql.query("SELECT 1");
    const o = await countOutbox(db.prisma);
    return {
      status: "ok",
      version: pkg.version,
      database: { kind: db.kind, reachable: true },
      broker,
      outbox: { pending: o.pending, uncertain: o.uncertain, failed: o.failed, oldestPendingAt: o.oldestPendingAt },
    };
  } catch (e) {
    logFor("health").warn({ err: e }, "database unreachable");
    return {
      status: "degraded",
      version: pkg.version,
      database: { kind: db.kind, reachable: false, error: (e as Error).message },
      broker,
      outbox: null,
    };
  }
}

/** What anyone may see: whether things work, never where they are or why they fail. */
export interface PublicHealth {
  status: Health["status"];
  database: { kind: string; reachable: boolean };
  broker: { configured: boolean; connected: boolean };
}

export function publicHealth(h: Health): PublicHealth {
  return {
    status: h.status,
    database: { kind: h.database.kind, reachable: h.database.reachable },
    broker: { configured: h.broker.configured, connected: h.broker.connected },
  };
}

/**
 * /api/health: the broker endpoint, error texts (they name hosts), version and outbox backlog go only to a
 * session that may see the integration console; anonymous callers (probes, scanners) get publicHealth.
 */
export async function healthFor(db: Database, viewer: SessionUser | null): Promise<Health | PublicHealth> {
  const health = await checkHealth(db);
  return viewer?.permissions.includes("integration.view") ? health : publicHealth(health);
}
