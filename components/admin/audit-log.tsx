"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { apiFetch } from "@/lib/client/api-fetch";
import { type Column, DataTable } from "@/components/data-table";

interface AuditEvent {
  id: string;
  at: string;
  actorUsername: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: unknown;
}

const COLUMNS: Column<AuditEvent>[] = [
  { header: "When", className: "whitespace-nowrap", cell: (e) => new Date(e.at).toLocaleString() },
  { header: "Who", cell: (e) => e.actorUsername ?? "system" },
  { header: "Action", className: "font-mono", cell: (e) => e.action },
  { header: "Target", className: "font-mono text-xs", cell: (e) => (e.targetType ? `${e.targetType} ${e.targetId}` : "") },
  { header: "Details", className: "font-mono text-xs", cell: (e) => (e.details ? JSON.stringify(e.details) : "") },
];

export function AuditLog() {
  const [action, setAction] = useState("");
  const q = useInfiniteQuery({
    queryKey: ["audit", action],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const p = new URLSearchParams({ limit: "100" });
      if (action) p.set("action", action);
      if (pageParam) p.set("before", pageParam);
      return apiFetch<{ events: AuditEvent[]; next: string | null }>(`/api/admin/audit?${p}`);
    },
    getNextPageParam: (last) => last.next,
  });
  const events = q.data?.pages.flatMap((p) => p.events) ?? [];
  return (
    <div className="space-y-3">
      <label className="text-sm">
        Action starts with{" "}
        <input
          value={action}
          onChange={(e) => setAction(e.target.value)}
          placeholder="user."
          className="rounded border border-slate-300 px-2 py-1"
        />
      </label>
      {q.error && (
        <p role="alert" className="text-red-700">
          {q.error.message}
        </p>
      )}
      <DataTable data-testid="audit-table" columns={COLUMNS} rows={events} rowKey={(e) => e.id} rowClassName="align-top" />
      {q.hasNextPage && (
        <button type="button" onClick={() => q.fetchNextPage()} className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-100">
          Older
        </button>
      )}
    </div>
  );
}
