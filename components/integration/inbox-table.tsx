"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-fetch";
import type { InboxRow } from "@/lib/integration/list-integration";
import { type Column, DataTable } from "@/components/data-table";

const OUTCOME_STYLE: Record<InboxRow["outcome"], string> = {
  CREATED: "text-green-700",
  DUPLICATE: "text-slate-600",
  REJECTED: "text-red-700",
};

const COLUMNS: Column<InboxRow>[] = [
  { header: "Received", className: "whitespace-nowrap", cell: (m) => new Date(m.receivedAt).toLocaleString() },
  { header: "Queue", className: "font-mono text-xs", cell: (m) => m.destination },
  { header: "Type", cell: (m) => (m.format === "TEXT" ? "text" : "bytes") },
  {
    header: "Outcome",
    className: (m) => OUTCOME_STYLE[m.outcome],
    cell: (m) => (
      <>
        {m.outcome.toLowerCase()}
        {m.redelivered && <span className="ml-1 text-xs text-slate-500">(redelivered)</span>}
      </>
    ),
  },
  { header: "requestId", className: "font-mono text-xs", cell: (m) => m.requestId ?? "—" },
  { header: "Size", cell: (m) => <>{m.bodySize.toLocaleString()} B</> },
];

export function InboxTable() {
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
        {q.error.message}
      </p>
    );
  const rows = q.data?.pages.flatMap((p) => p.messages) ?? [];
  return (
    <div className="space-y-2">
      <DataTable
        data-testid="inbox-table"
        columns={COLUMNS}
        rows={rows}
        rowKey={(m) => m.id}
        empty={q.isSuccess ? "No message received yet." : undefined}
      />
      {q.hasNextPage && (
        <button type="button" onClick={() => q.fetchNextPage()} className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-100">
          Older
        </button>
      )}
    </div>
  );
}
