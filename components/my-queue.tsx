"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useErrorText } from "@/components/use-error-text";
import { useDuration } from "@/components/use-duration";
import { apiFetch } from "@/lib/client/api-fetch";
import { DataTable } from "@/components/data-table";

interface CaseSummary {
  id: string;
  requestId: string;
  kind: "ADJUDICATION" | "VERIFICATION";
  state: string;
  candidateCount: number;
  receivedAt: string;
  deadlineAt: string | null;
  myLevel: "PRIMARY" | "SECONDARY" | null;
}

const minutesSince = (iso: string, now: number) => Math.max(0, Math.round((now - Date.parse(iso)) / 60_000));

function NextCaseButton() {
  const t = useTranslations("queue");
  const errorText = useErrorText();
  const router = useRouter();
  const next = useMutation({
    mutationFn: () => apiFetch<{ caseId: string | null; message?: string }>("/api/cases/next", { method: "POST" }),
    onSuccess: (r) => r.caseId && router.push(`/cases/${r.caseId}`),
  });
  return (
    <div className="mb-4 flex items-center gap-3">
      <button
        type="button"
        onClick={() => next.mutate()}
        disabled={next.isPending}
        className="rounded bg-slate-800 px-4 py-2 font-medium text-white hover:bg-slate-700 disabled:opacity-60"
        data-testid="next-case"
      >
        {t("next")}
      </button>
      {next.data && !next.data.caseId && (
        <span role="status" className="text-sm text-slate-600">
          {t("noneWaiting")}
        </span>
      )}
      {next.error && (
        <span role="alert" className="text-sm text-red-700">
          {errorText(next.error)}
        </span>
      )}
    </div>
  );
}

export function MyQueue({ canReview }: { canReview: boolean }) {
  return (
    <>
      {canReview && <NextCaseButton />}
      <QueueTable />
    </>
  );
}

function QueueTable() {
  const t = useTranslations("queue");
  const tl = useTranslations("labels");
  const errorText = useErrorText();
  const duration = useDuration();
  const { data, error, isPending, dataUpdatedAt } = useQuery({
    queryKey: ["cases", "mine"],
    queryFn: () => apiFetch<{ cases: CaseSummary[] }>("/api/cases?scope=mine"),
    refetchInterval: 10_000,
  });
  if (isPending) return <p className="text-slate-500">{t("loading")}</p>;
  if (error)
    return (
      <p role="alert" className="text-red-700">
        {t("loadError", { error: errorText(error) })}
      </p>
    );
  if (data.cases.length === 0)
    return (
      <p data-testid="queue-empty" className="rounded border border-dashed border-slate-300 bg-white p-6 text-slate-600">
        {t("empty")}
      </p>
    );
  const now = dataUpdatedAt;
  return (
    <DataTable
      data-testid="queue-table"
      rows={data.cases}
      rowKey={(c) => c.id}
      columns={[
        {
          header: t("columns.kind"),
          cell: (c) => (
            <Link href={`/cases/${c.id}`} className="text-blue-700 underline">
              {tl(`kinds.${c.kind}`)}
            </Link>
          ),
        },
        { header: t("columns.level"), cell: (c) => c.myLevel && tl(`levels.${c.myLevel}`) },
        { header: t("columns.candidates"), cell: (c) => c.candidateCount },
        { header: t("columns.age"), cell: (c) => duration(minutesSince(c.receivedAt, now)) },
        {
          header: t("columns.timeLeft"),
          cell: (c) => (c.deadlineAt ? duration(minutesSince(new Date(now).toISOString(), Date.parse(c.deadlineAt))) : "—"),
        },
      ]}
    />
  );
}
