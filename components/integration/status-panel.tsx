"use client";
import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-fetch";
import type { BrokerHealth } from "@/lib/boot/check-health";
import type { OutboxBacklog } from "@/lib/outbox/count-outbox";

interface Status {
  broker: BrokerHealth;
  outbox: OutboxBacklog;
  inboxLast24h: { created: number; duplicate: number; rejected: number };
  dataUnavailable: number;
}

export function StatusPanel() {
  const { data, error } = useQuery({
    queryKey: ["integration", "status"],
    queryFn: () => apiFetch<Status>("/api/admin/integration/status"),
    refetchInterval: 10_000,
  });
  if (error)
    return (
      <p role="alert" className="text-red-700">
        {error.message}
      </p>
    );
  if (!data) return <p className="text-slate-500">Loading status…</p>;
  const b = data.broker;
  return (
    <section className="grid gap-3 sm:grid-cols-3" data-testid="integration-status">
      <div className="rounded border border-slate-200 bg-white p-3 text-sm">
        <h2 className="font-medium">Broker</h2>
        {!b.configured ? (
          <p className="text-slate-600">No MOSIP_QUEUE_URL: not connected to a MOSIP broker.</p>
        ) : (
          <>
            <p className={b.connected ? "text-green-700" : "text-red-700"}>{b.connected ? "connected" : "not connected"}</p>
            <p className="font-mono text-xs">{b.url}</p>
            <p>Last request: {b.lastMessageAt ? new Date(b.lastMessageAt).toLocaleString() : "none yet"}</p>
            <p>Reconnects: {b.reconnects}</p>
            {b.consumer?.lastError && <p className="text-xs text-amber-800">Requests: {b.consumer.lastError}</p>}
            {b.sender?.lastError && <p className="text-xs text-amber-800">Responses: {b.sender.lastError}</p>}
          </>
        )}
      </div>
      <div className="rounded border border-slate-200 bg-white p-3 text-sm">
        <h2 className="font-medium">Responses to MOSIP</h2>
        <p>
          Pending: {data.outbox.pending}
          {data.outbox.oldestPendingAt && ` (oldest ${new Date(data.outbox.oldestPendingAt).toLocaleString()})`}
        </p>
        <p className={data.outbox.uncertain ? "font-medium text-red-700" : ""}>Uncertain: {data.outbox.uncertain}</p>
        <p className={data.outbox.failed ? "font-medium text-red-700" : ""}>Failed: {data.outbox.failed}</p>
        <p>Sent: {data.outbox.sent}</p>
      </div>
      <div className="rounded border border-slate-200 bg-white p-3 text-sm">
        <h2 className="font-medium">Requests, last 24 hours</h2>
        <p>New cases: {data.inboxLast24h.created}</p>
        <p>Duplicates: {data.inboxLast24h.duplicate}</p>
        <p className={data.inboxLast24h.rejected ? "text-red-700" : ""}>Intake errors: {data.inboxLast24h.rejected}</p>
        <p className={data.dataUnavailable ? "text-red-700" : ""}>Cases with data unavailable: {data.dataUnavailable}</p>
      </div>
    </section>
  );
}
