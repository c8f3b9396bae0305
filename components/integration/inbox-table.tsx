"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useErrorText } from "@/components/use-error-text";
import { useInfiniteQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-fetch";
import type { InboxRow } from "@/lib/integration/list-integration";
import { type Column, DataTable } from "@/components/data-table";

const OUTCOME_STYLE: Record<InboxRow["outcome"], string> = {
  CREATED: "text-green-700",
  DUPLICATE: "text-slate-600",
  REJECTED: "text-red-700",
};

function useColumns(): Column<InboxRow>[] {
  const t = useTranslations("integration.inbox");
  const format = useFormatter();
  return [
    {
      header: t("received"),
      className: "whitespace-nowrap",
      cell: (m) => format.dateTime(new Date(m.receivedAt), { dateStyle: "short", timeStyle: "medium" }),
    },
    { header: t("queue"), className: "font-mono text-xs", cell: (m) => m.destination },
    { header: t("type"), cell: (m) => t("format", { format: m.format }) },
    {
      header: t("outcome"),
      className: (m) => OUTCOME_STYLE[m.outcome],
      cell: (m) => (
        <>
          {t(`outcomes.${m.outcome}`)}
          {m.redelivered && <span className="ms-1 text-xs text-slate-500">{t("redelivered")}</span>}
        </>
      ),
    },
    { header: t("requestId"), className: "font-mono text-xs", cell: (m) => m.requestId ?? "—" },
    { header: t("size"), cell: (m) => t("bytes", { size: m.bodySize }) },
  ];
}

export function InboxTable() {
  const t = useTranslations("integration.inbox");
  const errorText = useErrorText();
  const columns = useColumns();
  const q = useInfiniteQuery({
    queryKey: ["integration", "inbox"],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      apiFetch<{ messages: InboxRow[]; next: string | null }>(
        `/api/admin/integration/inbox?limit=50${pageParam ? `&before=${pageParam}` : ""}`,
      ),
    getNextPageParam: (last) => last.next,
  });
  if (q.error)
    return (
      <p role="alert" className="text-red-700">
        {errorText(q.error)}
      </p>
    );
  const rows = q.data?.pages.flatMap((p) => p.messages) ?? [];
  return (
    <div className="space-y-2">
      <DataTable data-testid="inbox-table" columns={columns} rows={rows} rowKey={(m) => m.id} empty={q.isSuccess ? t("none") : undefined} />
      {q.hasNextPage && (
        <button type="button" onClick={() => q.fetchNextPage()} className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-100">
          {t("older")}
        </button>
      )}
    </div>
  );
}
