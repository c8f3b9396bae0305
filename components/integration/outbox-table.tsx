"use client";
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
  const [body, setBody] = useState<string | null>(null);
  const show = useMutation({
    mutationFn: () => apiFetch<{ body: string | null }>(`/api/admin/integration/outbox/${id}/body`),
    onSuccess: (r) => setBody(r.body ?? "purged by retention"),
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
        Show body
      </button>
      {show.error && <span className="text-red-700"> {show.error.message}</span>}
    </>
  );
}

export function OutboxTable({ canOperate, canViewBody }: { canOperate: boolean; canViewBody: boolean }) {
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
        State{" "}
        <select
          value={state}
          onChange={(e) => setState(e.target.value as typeof state)}
          className="rounded border border-slate-300 px-2 py-1"
        >
          {STATES.map((s) => (
            <option key={s} value={s}>
              {s ? `${s.toLowerCase()}${q.data ? ` (${q.data.counts[s.toLowerCase() as keyof OutboxBacklog]})` : ""}` : "all"}
            </option>
          ))}
        </select>
      </label>
      {q.error && (
        <p role="alert" className="text-red-700">
          {q.error.message}
        </p>
      )}
      {action.error && (
        <p role="alert" className="text-red-700">
          {action.error.message}
        </p>
      )}
      <DataTable
        data-testid="outbox-table"
        rows={q.data?.messages ?? []}
        rowKey={(m) => m.id}
        rowClassName="align-top"
        rowProps={(m) => ({ "data-testid": `outbox-row-${m.requestId}` })}
        empty={q.data ? <>No responses{state ? ` in state ${state.toLowerCase()}` : ""}.</> : undefined}
        columns={[
          { header: "Decided", className: "whitespace-nowrap", cell: (m) => new Date(m.createdAt).toLocaleString() },
          { header: "requestId", className: "font-mono text-xs", cell: (m) => m.requestId },
          {
            header: "Queue",
            className: "font-mono text-xs",
            cell: (m) => (
              <>
                {m.destination} ({m.format === "TEXT" ? "text" : "bytes"})
              </>
            ),
          },
          {
            header: "State",
            className: (m) => STATE_STYLE[m.state],
            cellProps: { "data-testid": "outbox-state" },
            cell: (m) => m.state.toLowerCase(),
          },
          { header: "Attempts", cell: (m) => m.attempts },
          {
            header: "Details",
            className: "space-y-1 text-xs",
            cell: (m) => (
              <>
                {m.sentAt && <p>Sent {new Date(m.sentAt).toLocaleString()}</p>}
                {m.state === "PENDING" && m.attempts > 0 && <p>Next attempt {new Date(m.nextAttemptAt).toLocaleString()}</p>}
                {m.lastError && <p className="text-amber-800">{m.lastError}</p>}
                <p data-testid="outbox-summary">
                  returnValue {m.returnValue ?? "?"}
                  {m.candidateCount !== null && `, ${m.candidateCount} candidate${m.candidateCount === 1 ? "" : "s"}`}
                  {m.bodyPurged && " (body purged by retention)"}
                </p>
                {canViewBody && !m.bodyPurged && <OutboxBody id={m.id} />}
                {canOperate && m.state === "FAILED" && (
                  <button
                    type="button"
                    disabled={action.isPending}
                    onClick={() => action.mutate({ id: m.id, kind: "retry" })}
                    className="rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-100"
                  >
                    Retry
                  </button>
                )}
                {canOperate && m.state === "UNCERTAIN" && (
                  <div className="flex flex-col gap-1">
                    <ConfirmAction
                      label="Mark as sent…"
                      title="Mark this response as sent?"
                      confirmLabel="Yes, MOSIP has it"
                      busy={action.isPending}
                      onConfirm={() => action.mutate({ id: m.id, kind: "resolve", resolution: "markSent" })}
                    >
                      <p>
                        The MAS stopped after handing this response to the broker and before the broker confirmed it. It may have reached
                        MOSIP.
                      </p>
                      <p>
                        Choose this when MOSIP shows the packet as decided (or the message is on the {m.destination} queue). Nothing is
                        sent. If MOSIP never got it, the packet waits until MOSIP re-sends the request.
                      </p>
                    </ConfirmAction>
                    <ConfirmAction
                      label="Send now…"
                      title="Send this response again?"
                      confirmLabel="Send it"
                      danger
                      busy={action.isPending}
                      onConfirm={() => action.mutate({ id: m.id, kind: "resolve", resolution: "sendNow" })}
                    >
                      <p>
                        Choose this only when you have checked that MOSIP did not receive the first attempt (the packet is still waiting for
                        manual adjudication).
                      </p>
                      <p className="font-medium">
                        If MOSIP did receive it, a second answer for the same requestId can move the packet to FAILED in MOSIP.
                      </p>
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
