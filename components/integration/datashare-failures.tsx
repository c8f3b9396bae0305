"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-fetch";
import type { DatashareFailureRow } from "@/lib/integration/list-integration";
import { DataTable } from "@/components/data-table";
import { ConfirmAction } from "./confirm-action";

/**
 * Cases whose datashares could not be fetched: retry the downloads, or answer MOSIP "resend" (returnValue 2).
 * Cases still retrying (waiting for data, some downloads failing) are listed too, with since when and how
 * often, so an outage is visible before it turns cases "data unavailable"; they need no action yet.
 */
export function DatashareFailures({ canOperate }: { canOperate: boolean }) {
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ["integration", "datashare-failures"],
    queryFn: () => apiFetch<{ cases: DatashareFailureRow[] }>("/api/admin/integration/datashare-failures"),
    // Retrying cases change as attempts go on: keep the counts current while the tab is open.
    refetchInterval: 15_000,
  });
  const action = useMutation({
    mutationFn: (a: { caseId: string; kind: "retry" | "resend" }) =>
      a.kind === "retry"
        ? apiFetch<{ queued: number }>(`/api/admin/integration/cases/${a.caseId}/retry-downloads`, { method: "POST", json: {} })
        : apiFetch(`/api/admin/integration/cases/${a.caseId}/answer-resend`, { method: "POST", json: { confirm: true } }),
    onSettled: () => qc.invalidateQueries({ queryKey: ["integration"] }),
  });
  if (q.error)
    return (
      <p role="alert" className="text-red-700">
        {q.error.message}
      </p>
    );
  return (
    <div className="space-y-2">
      {action.error && (
        <p role="alert" className="text-red-700">
          {action.error.message}
        </p>
      )}
      <DataTable
        data-testid="datashare-failures"
        rows={q.data?.cases ?? []}
        rowKey={(c) => c.caseId}
        rowClassName="align-top"
        rowProps={(c) => ({ "data-testid": `datashare-failure-${c.requestId}` })}
        empty={q.data ? "No case is waiting for data." : undefined}
        columns={[
          { header: "Received", className: "whitespace-nowrap", cell: (c) => new Date(c.receivedAt).toLocaleString() },
          { header: "requestId", className: "font-mono text-xs", cell: (c) => c.requestId },
          { header: "Kind", cell: (c) => c.kind.toLowerCase() },
          {
            header: "Code",
            cell: (c) =>
              c.retrying ? (
                <span data-testid="retrying">
                  Retrying since {new Date(c.retrying.since).toLocaleTimeString()}, {c.retrying.attempts} attempt
                  {c.retrying.attempts === 1 ? "" : "s"}
                </span>
              ) : (
                <span className="font-mono text-red-700">{c.dataErrorCode ?? "—"}</span>
              ),
          },
          {
            header: "Failed downloads",
            className: "text-xs",
            cell: (c) =>
              c.failures.map((f, i) => (
                <div key={i}>
                  {f.subject}: <span className="font-mono">{f.code ?? "?"}</span> after {f.attempts} attempt{f.attempts === 1 ? "" : "s"}
                  {f.retrying && (f.nextAttemptAt ? `, next at ${new Date(f.nextAttemptAt).toLocaleTimeString()}` : ", trying now")}
                  {f.reason && <div className="text-gray-600">{f.reason}</div>}
                </div>
              )),
          },
          {
            header: "Deadline",
            className: "whitespace-nowrap",
            cell: (c) => (c.deadlineAt ? new Date(c.deadlineAt).toLocaleString() : "—"),
          },
          canOperate && {
            header: "Actions",
            className: "space-y-1",
            // While the worker still retries, neither action is needed, and a resend would drop a case that may recover.
            cell: (c) =>
              c.state === "DATA_UNAVAILABLE" && (
                <>
                  <button
                    type="button"
                    disabled={action.isPending}
                    onClick={() => action.mutate({ caseId: c.caseId, kind: "retry" })}
                    className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100"
                  >
                    Retry downloads
                  </button>
                  <ConfirmAction
                    label="Answer MOSIP: resend…"
                    title="Answer MOSIP with “resend” (returnValue 2)?"
                    confirmLabel="Send the answer"
                    busy={action.isPending}
                    onConfirm={() => action.mutate({ caseId: c.caseId, kind: "resend" })}
                  >
                    <p>
                      MOSIP puts the packet back and later sends a new request with a new requestId and fresh datashares. This case is then
                      closed and can no longer be reviewed.
                    </p>
                    <p>
                      Use it when the shares have expired or MOSIP refuses them; try “Retry downloads” first if the failure may be
                      temporary.
                    </p>
                  </ConfirmAction>
                </>
              ),
          },
        ]}
      />
    </div>
  );
}
