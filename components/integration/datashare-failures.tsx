"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useErrorText } from "@/components/use-error-text";
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
  const t = useTranslations("integration.datashare");
  const tl = useTranslations("labels");
  const format = useFormatter();
  const errorText = useErrorText();
  const time = (iso: string) => format.dateTime(new Date(iso), { timeStyle: "medium" });
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "short", timeStyle: "medium" });
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
        {errorText(q.error)}
      </p>
    );
  return (
    <div className="space-y-2">
      {action.error && (
        <p role="alert" className="text-red-700">
          {errorText(action.error)}
        </p>
      )}
      <DataTable
        data-testid="datashare-failures"
        rows={q.data?.cases ?? []}
        rowKey={(c) => c.caseId}
        rowClassName="align-top"
        rowProps={(c) => ({ "data-testid": `datashare-failure-${c.requestId}` })}
        empty={q.data ? t("none") : undefined}
        columns={[
          { header: t("received"), className: "whitespace-nowrap", cell: (c) => when(c.receivedAt) },
          { header: t("requestId"), className: "font-mono text-xs", cell: (c) => c.requestId },
          { header: t("kind"), cell: (c) => tl(`kinds.${c.kind}`) },
          {
            header: t("code"),
            cell: (c) =>
              c.retrying ? (
                <span data-testid="retrying">{t("retrying", { since: time(c.retrying.since), count: c.retrying.attempts })}</span>
              ) : (
                <span className="font-mono text-red-700">{c.dataErrorCode ?? "—"}</span>
              ),
          },
          {
            header: t("failed"),
            className: "text-xs",
            cell: (c) =>
              c.failures.map((f, i) => (
                <div key={i}>
                  {t.rich("failure", {
                    subject: f.subject,
                    code: () => (
                      <span key="code" className="font-mono">
                        {f.code ?? "?"}
                      </span>
                    ),
                    count: f.attempts,
                  })}
                  {f.retrying && (f.nextAttemptAt ? t("nextAt", { time: time(f.nextAttemptAt) }) : t("tryingNow"))}
                  {f.reason && <div className="text-gray-600">{f.reason}</div>}
                </div>
              )),
          },
          {
            header: t("deadline"),
            className: "whitespace-nowrap",
            cell: (c) => (c.deadlineAt ? when(c.deadlineAt) : "—"),
          },
          canOperate && {
            header: t("actions"),
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
                    {t("retry")}
                  </button>
                  <ConfirmAction
                    label={t("resend.label")}
                    title={t("resend.title")}
                    confirmLabel={t("resend.confirm")}
                    busy={action.isPending}
                    onConfirm={() => action.mutate({ caseId: c.caseId, kind: "resend" })}
                  >
                    <p>{t("resend.what")}</p>
                    <p>{t("resend.when")}</p>
                  </ConfirmAction>
                </>
              ),
          },
        ]}
      />
    </div>
  );
}
