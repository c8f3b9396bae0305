"use client";
import Link from "next/link";
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { DataTable } from "@/components/data-table";
import { useErrorText } from "@/components/use-error-text";
import { apiFetch } from "@/lib/client/api-fetch";
import type { SampleQueueItem } from "@/lib/quality/list-sample-queue";

type Level = SampleQueueItem["decisions"][number]["level"];

/** Why a case is in the queue: the random draw, or each of its quality flags (HASTE, AID_DISAGREEMENT...). */
function Reasons({ s }: { s: SampleQueueItem }) {
  const t = useTranslations("quality.samples");
  const reasons = s.flags.length ? [...new Set(s.flags.map((f) => f.kind))] : ["RANDOM"];
  return (
    <span className="flex flex-wrap gap-1">
      {reasons.map((r) => (
        <span
          key={r}
          className={`rounded px-1.5 py-0.5 text-xs ${r === "RANDOM" ? "bg-slate-100 text-slate-700" : "bg-amber-100 text-amber-900"}`}
        >
          {t.has(`reasons.${r}`) ? t(`reasons.${r}` as never) : r}
        </span>
      ))}
    </span>
  );
}

/** The verdict form of one case: confirm, or name the wrong level(s); a note either way. */
function ReviewForm({ s, onDone }: { s: SampleQueueItem; onDone: (outcome: "CONFIRMED" | "ERROR") => void }) {
  const t = useTranslations("quality.samples");
  const tl = useTranslations("quality.levels");
  const errorText = useErrorText();
  const [outcome, setOutcome] = useState<"CONFIRMED" | "ERROR">("CONFIRMED");
  const [wrong, setWrong] = useState<Level[]>([]);
  const [note, setNote] = useState("");
  const save = useMutation({
    mutationFn: () =>
      apiFetch(`/api/supervision/quality/samples/${s.caseId}`, {
        method: "POST",
        json: outcome === "CONFIRMED" ? { outcome, note: note || undefined } : { outcome, wrongLevels: wrong, note: note || undefined },
      }),
    onSuccess: () => onDone(outcome),
  });
  const levels = [...new Set(s.decisions.map((d) => d.level))];
  return (
    <form
      aria-label={t("reviewOf", { id: s.caseId.slice(0, 8) })}
      className="space-y-2 rounded border border-slate-200 bg-slate-50 p-3"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <fieldset className="flex flex-wrap gap-4 text-sm">
        <legend className="sr-only">{t("verdict")}</legend>
        <label className="flex items-center gap-1.5">
          <input type="radio" name={`outcome-${s.caseId}`} checked={outcome === "CONFIRMED"} onChange={() => setOutcome("CONFIRMED")} />
          {t("confirm")}
        </label>
        <label className="flex items-center gap-1.5">
          <input type="radio" name={`outcome-${s.caseId}`} checked={outcome === "ERROR"} onChange={() => setOutcome("ERROR")} />
          {t("error")}
        </label>
      </fieldset>
      {outcome === "ERROR" && (
        <fieldset className="flex flex-wrap gap-4 text-sm">
          <legend className="mb-1 text-xs text-slate-600">{t("wrongLevels")}</legend>
          {levels.map((l) => (
            <label key={l} className="flex items-center gap-1.5">
              <input
                type="checkbox"
                checked={wrong.includes(l)}
                onChange={(e) => setWrong(e.target.checked ? [...wrong, l] : wrong.filter((x) => x !== l))}
              />
              {tl(l)} ({s.decisions.find((d) => d.level === l)?.username})
            </label>
          ))}
        </fieldset>
      )}
      <label className="block text-sm">
        <span className="block text-xs text-slate-600">{t("note")}</span>
        <textarea
          className="mt-1 w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm"
          rows={2}
          maxLength={1000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </label>
      <div className="flex items-center gap-3">
        <button
          type="submit"
          disabled={save.isPending || (outcome === "ERROR" && wrong.length === 0)}
          className="rounded bg-slate-800 px-3 py-1 text-sm font-medium text-white disabled:opacity-60"
        >
          {outcome === "CONFIRMED" ? t("submitConfirm") : t("submitError")}
        </button>
        {save.error && (
          <span role="alert" className="text-sm text-red-700">
            {errorText(save.error)}
          </span>
        )}
      </div>
    </form>
  );
}

/** The supervisor's sample review queue: open a case read-only, then confirm it or record the error. */
export function SampleQueue() {
  const t = useTranslations("quality.samples");
  const tl = useTranslations("quality.levels");
  const tk = useTranslations("labels.kinds");
  const format = useFormatter();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const [open, setOpen] = useState<string | null>(null);
  const [done, setDone] = useState<{ id: string; outcome: "CONFIRMED" | "ERROR" } | null>(null);
  const q = useQuery({
    queryKey: ["supervision", "quality", "samples"],
    queryFn: () => apiFetch<{ samples: SampleQueueItem[] }>("/api/supervision/quality/samples"),
  });
  if (q.isPending) return <p className="text-slate-500">{t("loading")}</p>;
  if (q.error)
    return (
      <p role="alert" className="text-red-700">
        {t("loadError", { error: errorText(q.error) })}
      </p>
    );
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">{t("help")}</p>
      {done && (
        <p role="status" className="text-sm text-green-800" data-testid="sample-reviewed">
          {t(done.outcome === "CONFIRMED" ? "confirmed" : "errorRecorded", { id: done.id.slice(0, 8) })}
        </p>
      )}
      <DataTable
        data-testid="sample-queue"
        rows={q.data.samples}
        rowKey={(s) => s.caseId}
        rowClassName="align-top"
        rowProps={(s) => ({ "data-testid": `sample-${s.caseId}` })}
        empty={t("empty")}
        columns={[
          {
            header: t("columns.case"),
            cell: (s) => (
              <Link href={`/cases/${s.caseId}`} className="font-mono text-xs text-blue-700 underline" target="_blank">
                {s.caseId.slice(0, 8)}
              </Link>
            ),
          },
          { header: t("columns.kind"), cell: (s) => tk(s.kind) },
          { header: t("columns.reason"), cell: (s) => <Reasons s={s} /> },
          {
            header: t("columns.decided"),
            cell: (s) => (s.decidedAt ? format.dateTime(new Date(s.decidedAt), { dateStyle: "short", timeStyle: "short" }) : "—"),
          },
          {
            header: t("columns.reviewers"),
            cell: (s) => (
              <ul>
                {s.decisions.map((d) => (
                  <li key={d.level} className="text-xs">
                    {tl(d.level)}: {d.username}
                  </li>
                ))}
              </ul>
            ),
          },
          {
            className: (s) => (open === s.caseId ? "w-[26rem]" : undefined),
            cell: (s) =>
              open === s.caseId ? (
                <ReviewForm
                  s={s}
                  onDone={(outcome) => {
                    setOpen(null);
                    setDone({ id: s.caseId, outcome });
                    void qc.invalidateQueries({ queryKey: ["supervision", "quality"] });
                  }}
                />
              ) : (
                <button type="button" className="rounded border border-slate-300 px-2 py-0.5 text-xs" onClick={() => setOpen(s.caseId)}>
                  {t("review")}
                </button>
              ),
          },
        ]}
      />
    </div>
  );
}
