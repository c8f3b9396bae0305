"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useErrorText } from "@/components/use-error-text";
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
  const t = useTranslations("integration.status");
  const format = useFormatter();
  const errorText = useErrorText();
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "short", timeStyle: "medium" });
  const { data, error } = useQuery({
    queryKey: ["integration", "status"],
    queryFn: () => apiFetch<Status>("/api/admin/integration/status"),
    refetchInterval: 10_000,
  });
  if (error)
    return (
      <p role="alert" className="text-red-700">
        {errorText(error)}
      </p>
    );
  if (!data) return <p className="text-slate-500">{t("loading")}</p>;
  const b = data.broker;
  return (
    <section className="grid gap-3 sm:grid-cols-3" data-testid="integration-status">
      <div className="rounded border border-slate-200 bg-white p-3 text-sm">
        <h2 className="font-medium">{t("broker")}</h2>
        {!b.configured ? (
          <p className="text-slate-600">{t("notConfigured")}</p>
        ) : (
          <>
            <p className={b.connected ? "text-green-700" : "text-red-700"}>{b.connected ? t("connected") : t("notConnected")}</p>
            <p className="font-mono text-xs">{b.url}</p>
            <p>{t("lastRequest", { when: b.lastMessageAt ? when(b.lastMessageAt) : t("noneYet") })}</p>
            <p>{t("reconnects", { count: b.reconnects })}</p>
            {b.consumer?.lastError && <p className="text-xs text-amber-800">{t("requestsError", { error: b.consumer.lastError })}</p>}
            {b.sender?.lastError && <p className="text-xs text-amber-800">{t("responsesError", { error: b.sender.lastError })}</p>}
          </>
        )}
      </div>
      <div className="rounded border border-slate-200 bg-white p-3 text-sm">
        <h2 className="font-medium">{t("responses")}</h2>
        <p>
          {t("pending", { count: data.outbox.pending })}
          {data.outbox.oldestPendingAt && ` ${t("oldest", { when: when(data.outbox.oldestPendingAt) })}`}
        </p>
        <p className={data.outbox.uncertain ? "font-medium text-red-700" : ""}>{t("uncertain", { count: data.outbox.uncertain })}</p>
        <p className={data.outbox.failed ? "font-medium text-red-700" : ""}>{t("failed", { count: data.outbox.failed })}</p>
        <p>{t("sent", { count: data.outbox.sent })}</p>
      </div>
      <div className="rounded border border-slate-200 bg-white p-3 text-sm">
        <h2 className="font-medium">{t("requests24h")}</h2>
        <p>{t("created", { count: data.inboxLast24h.created })}</p>
        <p>{t("duplicates", { count: data.inboxLast24h.duplicate })}</p>
        <p className={data.inboxLast24h.rejected ? "text-red-700" : ""}>{t("rejected", { count: data.inboxLast24h.rejected })}</p>
        <p className={data.dataUnavailable ? "text-red-700" : ""}>{t("dataUnavailable", { count: data.dataUnavailable })}</p>
      </div>
    </section>
  );
}
