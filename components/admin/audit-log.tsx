"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { apiFetch } from "@/lib/client/api-fetch";

interface AuditEvent {
  id: string;
  at: string;
  actorUsername: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: unknown;
}

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
      <table className="w-full border-collapse bg-white text-sm" data-testid="audit-table">
        <thead>
          <tr className="border-b text-left text-slate-500">
            <th className="p-2">When</th>
            <th className="p-2">Who</th>
            <th className="p-2">Action</th>
            <th className="p-2">Target</th>
            <th className="p-2">Details</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id} className="border-b align-top">
              <td className="whitespace-nowrap p-2">{new Date(e.at).toLocaleString()}</td>
              <td className="p-2">{e.actorUsername ?? "system"}</td>
              <td className="p-2 font-mono">{e.action}</td>
              <td className="p-2 font-mono text-xs">{e.targetType ? `${e.targetType} ${e.targetId}` : ""}</td>
              <td className="p-2 font-mono text-xs">{e.details ? JSON.stringify(e.details) : ""}</td>
            </tr>
          ))}
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
