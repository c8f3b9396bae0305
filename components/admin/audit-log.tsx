"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useErrorText } from "@/components/use-error-text";
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

function useColumns(): Column<AuditEvent>[] {
  const t = useTranslations("audit");
  const format = useFormatter();
  return [
    {
      header: t("columns.when"),
      className: "whitespace-nowrap",
      cell: (e) => format.dateTime(new Date(e.at), { dateStyle: "short", timeStyle: "medium" }),
    },
    { header: t("columns.who"), cell: (e) => e.actorUsername ?? t("system") },
    { header: t("columns.action"), className: "font-mono", cell: (e) => e.action },
    { header: t("columns.target"), className: "font-mono text-xs", cell: (e) => (e.targetType ? `${e.targetType} ${e.targetId}` : "") },
    { header: t("columns.details"), className: "font-mono text-xs", cell: (e) => (e.details ? JSON.stringify(e.details) : "") },
  ];
}

export function AuditLog() {
  const t = useTranslations("audit");
  const errorText = useErrorText();
  const columns = useColumns();
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
        {t("filter")}{" "}
        <input
          value={action}
          onChange={(e) => setAction(e.target.value)}
          placeholder="user."
          className="rounded border border-slate-300 px-2 py-1"
        />
      </label>
      {q.error && (
        <p role="alert" className="text-red-700">
          {errorText(q.error)}
        </p>
      )}
      <DataTable data-testid="audit-table" columns={columns} rows={events} rowKey={(e) => e.id} rowClassName="align-top" />
      {q.hasNextPage && (
        <button type="button" onClick={() => q.fetchNextPage()} className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-100">
          {t("older")}
        </button>
      )}
    </div>
  );
}
