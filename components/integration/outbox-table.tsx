"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useErrorText } from "@/components/use-error-text";
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-fetch";
import type { OutboxRow } from "@/lib/integration/list-integration";
import type { OutboxBacklog } from "@/lib/outbox/count-outbox";
import { DataTable } from "@/components/data-table";
import { ConfirmAction } from "./confirm-action";

const STATES = ["", "PENDING", "SENDING", "UNCERTAIN", "FAILED", "SENT"] as const;
const STATE_STYLE: Record<OutboxRow["state"], string> = {
  PENDING: "text-slate-700",
  SENDING: "text-blue-700",
  SENT: "text-green-700",
  UNCERTAIN: "font-medium text-red-700",
  FAILED: "font-medium text-red-700",
};

/** The full response (candidate RIDs, comments), fetched on demand: each read is audited server-side. */
function OutboxBody({ id }: { id: string }) {
  const t = useTranslations("integration.outbox");
  const errorText = useErrorText();
  const [body, setBody] = useState<string | null>(null);
  const show = useMutation({
    mutationFn: () => apiFetch<{ body: string | null }>(`/api/admin/integration/outbox/${id}/body`),
    onSuccess: (r) => setBody(r.body ?? t("purged")),
  });
  if (body !== null) {
    let pretty = body;
    try {
      pretty = JSON.stringify(JSON.parse(body), null, 2);
    } catch {}
    return <pre className="max-w-md overflow-auto whitespace-pre-wrap break-all rounded bg-slate-100 p-2">{pretty}</pre>;
  }
  return (
    <>
      <button type="button" disabled={show.isPending} onClick={() => show.mutate()} className="text-blue-700 underline">
        {t("showBody")}
      </button>
      {show.error && <span className="text-red-700"> {errorText(show.error)}</span>}
    </>
  );
}

export function OutboxTable({ canOperate, canViewBody }: { canOperate: boolean; canViewBody: boolean }) {
  const t = useTranslations("integration.outbox");
  const format = useFormatter();
  const errorText = useErrorText();
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "short", timeStyle: "medium" });
  const [state, setState] = useState<(typeof STATES)[number]>("");
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ["integration", "outbox", state],
    queryFn: () =>
      apiFetch<{ messages: OutboxRow[]; counts: OutboxBacklog }>(
        `/api/admin/integration/outbox?limit=100${state ? `&state=${state}` : ""}`,
      ),
    refetchInterval: 10_000,
  });
  const action = useMutation({
    mutationFn: (a: { id: string; kind: "retry" } | { id: string; kind: "resolve"; resolution: "markSent" | "sendNow" }) =>
      a.kind === "retry"
        ? apiFetch(`/api/admin/integration/outbox/${a.id}/retry`, { method: "POST", json: {} })
        : apiFetch(`/api/admin/integration/outbox/${a.id}/resolve`, { method: "POST", json: { resolution: a.resolution, confirm: true } }),
    onSettled: () => qc.invalidateQueries({ queryKey: ["integration"] }),
  });
  return (
    <div className="space-y-2">
      <label className="text-sm">
        {t("state")}{" "}
        <select
          value={state}
          onChange={(e) => setState(e.target.value as typeof state)}
          className="rounded border border-slate-300 px-2 py-1"
        >
          {STATES.map((s) => (
            <option key={s} value={s}>
              {s
                ? q.data
                  ? t("stateCount", { state: t(`states.${s}`), count: String(q.data.counts[s.toLowerCase() as keyof OutboxBacklog]) })
                  : t(`states.${s}`)
                : t("all")}
            </option>
          ))}
        </select>
      </label>
      {q.error && (
        <p role="alert" className="text-red-700">
          {errorText(q.error)}
        </p>
      )}
      {action.error && (
        <p role="alert" className="text-red-700">
          {errorText(action.error)}
        </p>
      )}
      <DataTable
        data-testid="outbox-table"
        rows={q.data?.messages ?? []}
        rowKey={(m) => m.id}
        rowClassName="align-top"
        rowProps={(m) => ({ "data-testid": `outbox-row-${m.requestId}` })}
        empty={q.data ? (state ? t("noneInState", { state: t(`states.${state}`) }) : t("none")) : undefined}
        columns={[
          { header: t("decided"), className: "whitespace-nowrap", cell: (m) => when(m.createdAt) },
          { header: t("requestId"), className: "font-mono text-xs", cell: (m) => m.requestId },
          {
            header: t("queue"),
            className: "font-mono text-xs",
            cell: (m) => t("queueFormat", { queue: m.destination, format: m.format }),
          },
          {
            header: t("state"),
            className: (m) => STATE_STYLE[m.state],
            cellProps: { "data-testid": "outbox-state" },
            cell: (m) => t(`states.${m.state}`),
          },
          { header: t("attempts"), cell: (m) => m.attempts },
          {
            header: t("details"),
            className: "space-y-1 text-xs",
            cell: (m) => (
              <>
                {m.sentAt && <p>{t("sentAt", { when: when(m.sentAt) })}</p>}
                {m.state === "PENDING" && m.attempts > 0 && <p>{t("nextAttempt", { when: when(m.nextAttemptAt) })}</p>}
                {m.lastError && <p className="text-amber-800">{m.lastError}</p>}
                <p data-testid="outbox-summary">
                  {t("summary", {
                    returnValue: m.returnValue ?? "?",
                    candidates: m.candidateCount ?? -1,
                    purged: m.bodyPurged ? "yes" : "no",
                  })}
                </p>
                {canViewBody && !m.bodyPurged && <OutboxBody id={m.id} />}
                {canOperate && m.state === "FAILED" && (
                  <button
                    type="button"
                    disabled={action.isPending}
                    onClick={() => action.mutate({ id: m.id, kind: "retry" })}
                    className="rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-100"
                  >
                    {t("retry")}
                  </button>
                )}
                {canOperate && m.state === "UNCERTAIN" && (
                  <div className="flex flex-col gap-1">
                    <ConfirmAction
                      label={t("markSent.label")}
                      title={t("markSent.title")}
                      confirmLabel={t("markSent.confirm")}
                      busy={action.isPending}
                      onConfirm={() => action.mutate({ id: m.id, kind: "resolve", resolution: "markSent" })}
                    >
                      <p>{t("markSent.why")}</p>
                      <p>{t("markSent.when", { queue: m.destination })}</p>
                    </ConfirmAction>
                    <ConfirmAction
                      label={t("sendNow.label")}
                      title={t("sendNow.title")}
                      confirmLabel={t("sendNow.confirm")}
                      danger
                      busy={action.isPending}
                      onConfirm={() => action.mutate({ id: m.id, kind: "resolve", resolution: "sendNow" })}
                    >
                      <p>{t("sendNow.when")}</p>
                      <p className="font-medium">{t("sendNow.risk")}</p>
                    </ConfirmAction>
                  </div>
                )}
              </>
            ),
          },
        ]}
      />
    </div>
  );
}
