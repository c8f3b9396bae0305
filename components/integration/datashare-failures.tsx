"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-fetch";
import type { DatashareFailureRow } from "@/lib/integration/list-integration";
import { ConfirmAction } from "./confirm-action";

/** Cases whose datashares could not be fetched: retry the downloads, or answer MOSIP "resend" (returnValue 2). */
export function DatashareFailures({ canOperate }: { canOperate: boolean }) {
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ["integration", "datashare-failures"],
    queryFn: () => apiFetch<{ cases: DatashareFailureRow[] }>("/api/admin/integration/datashare-failures"),
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
      <table className="w-full border-collapse bg-white text-sm" data-testid="datashare-failures">
        <thead>
          <tr className="border-b text-left text-slate-500">
            <th className="p-2">Received</th>
            <th className="p-2">requestId</th>
            <th className="p-2">Kind</th>
            <th className="p-2">Code</th>
            <th className="p-2">Failed downloads</th>
            <th className="p-2">Deadline</th>
            {canOperate && <th className="p-2">Actions</th>}
          </tr>
        </thead>
        <tbody>
          {q.data?.cases.map((c) => (
            <tr key={c.caseId} className="border-b align-top" data-testid={`datashare-failure-${c.requestId}`}>
              <td className="whitespace-nowrap p-2">{new Date(c.receivedAt).toLocaleString()}</td>
              <td className="p-2 font-mono text-xs">{c.requestId}</td>
              <td className="p-2">{c.kind.toLowerCase()}</td>
              <td className="p-2 font-mono text-red-700">{c.dataErrorCode ?? "—"}</td>
              <td className="p-2 text-xs">
                {c.failures.map((f, i) => (
                  <div key={i}>
                    {f.subject}: <span className="font-mono">{f.code ?? "?"}</span> after {f.attempts} attempt{f.attempts === 1 ? "" : "s"}
                  </div>
                ))}
              </td>
              <td className="whitespace-nowrap p-2">{c.deadlineAt ? new Date(c.deadlineAt).toLocaleString() : "—"}</td>
              {canOperate && (
                <td className="space-y-1 p-2">
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
                </td>
              )}
            </tr>
          ))}
          {q.data && q.data.cases.length === 0 && (
            <tr>
              <td colSpan={canOperate ? 7 : 6} className="p-2 text-slate-500">
                No case is waiting for data.
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
