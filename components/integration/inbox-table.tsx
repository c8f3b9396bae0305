"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-fetch";
import type { InboxRow } from "@/lib/integration/list-integration";

const OUTCOME_STYLE: Record<InboxRow["outcome"], string> = {
  CREATED: "text-green-700",
  DUPLICATE: "text-slate-600",
  REJECTED: "text-red-700",
};

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
      <table className="w-full border-collapse bg-white text-sm" data-testid="inbox-table">
        <thead>
          <tr className="border-b text-left text-slate-500">
            <th className="p-2">Received</th>
            <th className="p-2">Queue</th>
            <th className="p-2">Type</th>
            <th className="p-2">Outcome</th>
            <th className="p-2">requestId</th>
            <th className="p-2">Size</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr key={m.id} className="border-b">
              <td className="whitespace-nowrap p-2">{new Date(m.receivedAt).toLocaleString()}</td>
              <td className="p-2 font-mono text-xs">{m.destination}</td>
              <td className="p-2">{m.format === "TEXT" ? "text" : "bytes"}</td>
              <td className={`p-2 ${OUTCOME_STYLE[m.outcome]}`}>
                {m.outcome.toLowerCase()}
                {m.redelivered && <span className="ml-1 text-xs text-slate-500">(redelivered)</span>}
              </td>
              <td className="p-2 font-mono text-xs">{m.requestId ?? "—"}</td>
              <td className="p-2">{m.bodySize.toLocaleString()} B</td>
            </tr>
          ))}
          {q.isSuccess && rows.length === 0 && (
            <tr>
              <td colSpan={6} className="p-2 text-slate-500">
                No message received yet.
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {q.hasNextPage && (
        <button type="button" onClick={() => q.fetchNextPage()} className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-100">
          Older
        </button>
      )}
    </div>
  );
}
