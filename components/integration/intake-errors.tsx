"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useErrorText } from "@/components/use-error-text";
import { useInfiniteQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-fetch";
import type { IntakeErrorRow } from "@/lib/integration/list-integration";

/** Messages MOSIP sent that could not be understood; the raw body comes with datashare URLs masked by the server. */
export function IntakeErrors() {
  const t = useTranslations("integration.errors");
  const format = useFormatter();
  const errorText = useErrorText();
  const q = useInfiniteQuery({
    queryKey: ["integration", "intake-errors"],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      apiFetch<{ errors: IntakeErrorRow[]; next: string | null }>(
        `/api/admin/integration/intake-errors?limit=50${pageParam ? `&before=${pageParam}` : ""}`,
      ),
    getNextPageParam: (last) => last.next,
  });
  if (q.error)
    return (
      <p role="alert" className="text-red-700">
        {errorText(q.error)}
      </p>
    );
  const rows = q.data?.pages.flatMap((p) => p.errors) ?? [];
  return (
    <div className="space-y-2" data-testid="intake-errors">
      {q.isSuccess && rows.length === 0 && <p className="text-slate-500">{t("none")}</p>}
      {rows.map((e) => (
        <article key={e.id} className="rounded border border-slate-200 bg-white p-3 text-sm" data-testid={`intake-error-${e.id}`}>
          <header className="flex flex-wrap items-baseline gap-3">
            <span className="font-mono font-medium text-red-700">{e.errorCode ?? t("unknownCode")}</span>
            <span>{format.dateTime(new Date(e.receivedAt), { dateStyle: "short", timeStyle: "medium" })}</span>
            <span className="font-mono text-xs">{e.destination}</span>
            <span>{t("size", { format: e.format, size: e.bodySize })}</span>
            {e.requestId && <span className="font-mono text-xs">{t("requestId", { id: e.requestId })}</span>}
          </header>
          <p className="mt-1">{e.errorReason}</p>
          <details className="mt-1">
            <summary className="cursor-pointer text-blue-700">{e.bodyTruncated ? t("rawCut") : t("raw")}</summary>
            <pre className="mt-1 max-h-80 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-100 p-2 text-xs">
              {e.body ?? t("purged")}
            </pre>
            <p className="text-xs text-slate-500">{t("masked")}</p>
          </details>
        </article>
      ))}
      {q.hasNextPage && (
        <button type="button" onClick={() => q.fetchNextPage()} className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-100">
          {t("older")}
        </button>
      )}
    </div>
  );
}
