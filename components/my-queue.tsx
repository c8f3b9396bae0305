"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useErrorText } from "@/components/use-error-text";
import { useDuration } from "@/components/use-duration";
import { ApiError, apiFetch } from "@/lib/client/api-fetch";
import { DataTable } from "@/components/data-table";
import type { CaseSummary } from "@/lib/cases/list-cases";
import type { OwnWorkStatus } from "@/lib/cases/work-status";
import type { WorkLimit } from "@/lib/cases/work-limits";

const minutesSince = (iso: string, now: number) => Math.max(0, Math.round((now - Date.parse(iso)) / 60_000));
/** Within this many minutes of MOSIP's deadline (or past it) a case is urgent, whatever the warning setting. */
const URGENT_MINUTES = 5;

/** A work limit that holds new work back, as "Next case" refused it or the officer's own status shows it. */
type Reached = { limit: WorkLimit; resumeAt: string };

function reachedOf(e: unknown): Reached | null {
  if (!(e instanceof ApiError) || e.code !== "work_limit_reached") return null;
  const { limit, resumeAt } = e.details;
  return (limit === "continuous" || limit === "hour" || limit === "day") && typeof resumeAt === "string" ? { limit, resumeAt } : null;
}

/**
 * Says plainly that new work is held back by a work limit, which one and from when "Next case" gives work
 * again; cases already held stay the officer's. Shown from the officer's own status (polled, so it appears when
 * they come back from a case) and from a refused "Next case".
 */
function WorkLimitNotice({ reached, status }: { reached: Reached; status: OwnWorkStatus | undefined }) {
  const t = useTranslations("queue.workLimit");
  const format = useFormatter();
  const duration = useDuration();
  const resume = new Date(reached.resumeAt);
  const sameDay = resume.toDateString() === new Date().toDateString();
  const time = format.dateTime(resume, sameDay ? { timeStyle: "short" } : { dateStyle: "medium", timeStyle: "short" });
  return (
    <div role="status" className="mb-4 rounded border-s-4 border-amber-500 bg-amber-50 p-4 text-amber-950" data-testid="work-limit">
      <p className="font-semibold">{t(`title.${reached.limit}`)}</p>
      <p className="mt-1 text-sm">
        {reached.limit === "continuous"
          ? t("continuous", {
              worked: duration(status?.continuousMinutes ?? 0),
              pause: duration(status?.limits.breakMinutes ?? 0),
              time,
            })
          : t(reached.limit, {
              count: reached.limit === "hour" ? (status?.casesLastHour ?? 0) : (status?.casesLast24h ?? 0),
              time,
            })}
      </p>
      <p className="mt-1 text-sm">{t("held")}</p>
    </div>
  );
}

function NextCaseButton() {
  const t = useTranslations("queue");
  const errorText = useErrorText();
  const router = useRouter();
  const qc = useQueryClient();
  const status = useQuery({
    queryKey: ["cases", "work-status"],
    queryFn: () => apiFetch<OwnWorkStatus>("/api/cases/work-status"),
    refetchInterval: 30_000,
  });
  const next = useMutation({
    mutationFn: () => apiFetch<{ caseId: string | null; message?: string }>("/api/cases/next", { method: "POST" }),
    onSuccess: (r) => r.caseId && router.push(`/cases/${r.caseId}`),
    onError: (e) => reachedOf(e) && void qc.invalidateQueries({ queryKey: ["cases", "work-status"] }),
  });
  // The refusal is the fresher news; the polled status shows it before the officer even asks.
  const reached = reachedOf(next.error) ?? status.data?.reached ?? null;
  return (
    <>
      {reached && <WorkLimitNotice reached={reached} status={status.data} />}
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
        {next.error && !reachedOf(next.error) && (
          <span role="alert" className="text-sm text-red-700">
            {errorText(next.error)}
          </span>
        )}
      </div>
    </>
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
    queryFn: () => apiFetch<{ cases: CaseSummary[]; deadlineWarningMinutes: number }>("/api/cases?scope=mine"),
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
  // Minutes to MOSIP's deadline (negative once past it): the queue is in this order, the most urgent first.
  const left = (c: CaseSummary) => (c.deadlineAt ? Math.round((Date.parse(c.deadlineAt) - now) / 60_000) : null);
  const urgency = (c: CaseSummary): "urgent" | "near" | null => {
    const l = left(c);
    return l === null ? null : l < URGENT_MINUTES ? "urgent" : l < data.deadlineWarningMinutes ? "near" : null;
  };
  return (
    <DataTable
      data-testid="queue-table"
      rows={data.cases}
      rowKey={(c) => c.id}
      rowProps={(c) => ({ "data-testid": `queue-row-${c.id}`, "data-deadline": urgency(c) ?? undefined })}
      rowClassName={(c) => ({ urgent: "bg-red-50", near: "bg-amber-50", none: undefined })[urgency(c) ?? "none"]}
      columns={[
        {
          header: t("columns.kind"),
          cell: (c) => (
            <>
              <Link href={`/cases/${c.id}`} className="text-blue-700 underline">
                {tl(`kinds.${c.kind}`)}
              </Link>
              {c.resent && (
                <span className="ms-2 rounded bg-sky-100 px-1.5 py-0.5 text-xs text-sky-900" data-testid="queue-resent">
                  {t("resent", { waited: duration(c.resent.waitedMinutes) })}
                </span>
              )}
            </>
          ),
        },
        { header: t("columns.level"), cell: (c) => c.myLevel && tl(`levels.${c.myLevel}`) },
        { header: t("columns.candidates"), cell: (c) => c.candidateCount },
        { header: t("columns.age"), cell: (c) => duration(minutesSince(c.receivedAt, now)) },
        {
          header: t("columns.timeLeft"),
          className: (c) =>
            ({ urgent: "font-semibold text-red-800", near: "font-medium text-amber-900", none: undefined })[urgency(c) ?? "none"],
          cell: (c) => {
            const l = left(c);
            if (l === null) return "—";
            const u = urgency(c);
            return (
              <>
                {l < 0 ? t("overdue", { duration: duration(-l) }) : duration(l)}
                {u && <span className="ms-2 text-xs">{t(u === "urgent" ? "deadlineUrgent" : "deadlineNear")}</span>}
              </>
            );
          },
        },
      ]}
    />
  );
}
