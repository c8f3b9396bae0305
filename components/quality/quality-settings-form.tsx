"use client";
import { useEffect, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useErrorText } from "@/components/use-error-text";
import { apiFetch } from "@/lib/client/api-fetch";
import type { QualityFigures } from "@/lib/quality/load-quality-figures";
import type { QualitySettings } from "@/lib/settings/quality-settings";
import type { OperatorWorkload } from "@/lib/supervision/load-dashboard";
import { useRate } from "./quality-figures-view";
import { DataTable } from "@/components/data-table";

const input = "rounded border border-slate-300 bg-white px-2 py-1 text-sm";
/** The share offered when known-answer cases are switched on: the example, small enough to go unnoticed. */
const SUGGESTED_PERCENT = 2;
/** Training results are shown over a year: a new officer's set is small and may span months. */
const TRAINING_DAYS = 366;

/** A number as typed, so the server's validation (not a silent NaN) answers a wrong one. */
function toNumber(s: string): number | string {
  const t = s.trim().replace(",", ".");
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : t;
}

/** Known-answer cases on or off with their share, and the sample-review share: one audited save. */
export function QualitySettingsForm() {
  const t = useTranslations("quality.settings");
  const errorText = useErrorText();
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ["supervision", "quality", "settings"],
    queryFn: () => apiFetch<{ settings: QualitySettings; defaults: QualitySettings }>("/api/supervision/quality/settings"),
  });
  const [form, setForm] = useState<{ on: boolean; known: string; sample: string } | null>(null);
  useEffect(() => {
    if (q.data && !form) {
      const s = q.data.settings;
      setForm({
        on: s.knownAnswerPercent > 0,
        known: String(s.knownAnswerPercent || SUGGESTED_PERCENT),
        sample: String(s.sampleReviewPercent),
      });
    }
  }, [q.data, form]);
  const save = useMutation({
    mutationFn: () =>
      apiFetch<{ changed: string[] }>("/api/supervision/quality/settings", {
        method: "PUT",
        json: { knownAnswerPercent: form!.on ? toNumber(form!.known) : 0, sampleReviewPercent: toNumber(form!.sample) },
      }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["supervision", "quality", "settings"] }),
  });
  if (q.error)
    return (
      <p role="alert" className="text-red-700">
        {t("loadError", { error: errorText(q.error) })}
      </p>
    );
  if (!form) return <p className="text-slate-500">{t("loading")}</p>;
  return (
    <form
      aria-label={t("title")}
      className="space-y-4 rounded border border-slate-200 bg-white p-4"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <h2 className="font-semibold">{t("title")}</h2>
      <div className="space-y-1">
        <label className="flex items-center gap-2 text-sm font-medium">
          <input type="checkbox" checked={form.on} onChange={(e) => setForm({ ...form, on: e.target.checked })} />
          {t("knownAnswersOn")}
        </label>
        <p className="text-xs text-slate-600">{t("knownAnswersHelp")}</p>
        <label className="flex items-center gap-2 text-sm">
          <span>{t("knownAnswerPercent")}</span>
          <input
            className={`${input} w-20`}
            value={form.known}
            disabled={!form.on}
            inputMode="decimal"
            onChange={(e) => setForm({ ...form, known: e.target.value })}
          />
          <span className="text-xs text-slate-600">{t("knownAnswerRange")}</span>
        </label>
      </div>
      <label className="block text-sm">
        <span className="flex items-center gap-2">
          <span className="font-medium">{t("sampleReviewPercent")}</span>
          <input
            className={`${input} w-20`}
            value={form.sample}
            inputMode="decimal"
            onChange={(e) => setForm({ ...form, sample: e.target.value })}
          />
        </span>
        <span className="block text-xs text-slate-600">{t("sampleReviewHelp")}</span>
      </label>
      <div className="flex items-center gap-3">
        <button
          type="submit"
          disabled={save.isPending}
          className="rounded bg-slate-800 px-4 py-1.5 text-sm font-medium text-white disabled:opacity-60"
        >
          {t("save")}
        </button>
        {save.data && (
          <span role="status" className="text-sm text-green-800">
            {save.data.changed.length ? t("saved") : t("nothingChanged")}
          </span>
        )}
        {save.error && (
          <span role="alert" className="text-sm text-red-700">
            {errorText(save.error)}
          </span>
        )}
      </div>
    </form>
  );
}

/** Training mode: give an officer a set of known-answer cases, and see how they did on the ones they decided. */
export function TrainingPanel() {
  const t = useTranslations("quality.training");
  const errorText = useErrorText();
  const rate = useRate();
  const qc = useQueryClient();
  const ops = useQuery({
    queryKey: ["supervision", "operators"],
    queryFn: () => apiFetch<{ operators: OperatorWorkload[] }>("/api/supervision/operators"),
  });
  const results = useQuery({
    queryKey: ["supervision", "quality", `days=${TRAINING_DAYS}`],
    queryFn: () => apiFetch<QualityFigures>(`/api/supervision/quality?days=${TRAINING_DAYS}`),
  });
  const [userId, setUserId] = useState("");
  const [count, setCount] = useState("3");
  const give = useMutation({
    mutationFn: () =>
      apiFetch<{ caseIds: string[] }>("/api/supervision/quality/training", { method: "POST", json: { userId, count: toNumber(count) } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["supervision"] }),
  });
  const officers = (ops.data?.operators ?? []).filter((o) => o.active && o.canPrimary);
  return (
    <section aria-label={t("title")} className="space-y-4 rounded border border-slate-200 bg-white p-4">
      <div>
        <h2 className="font-semibold">{t("title")}</h2>
        <p className="text-xs text-slate-600">{t("help")}</p>
      </div>
      <form
        aria-label={t("give")}
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          give.mutate();
        }}
      >
        <label className="text-sm">
          <span className="block font-medium">{t("officer")}</span>
          <select className={input} value={userId} onChange={(e) => setUserId(e.target.value)} required>
            <option value="">{t("choose")}</option>
            {officers.map((o) => (
              <option key={o.userId} value={o.userId}>
                {o.username}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="block font-medium">{t("count")}</span>
          <input className={`${input} w-16`} value={count} inputMode="numeric" onChange={(e) => setCount(e.target.value)} />
        </label>
        <button
          type="submit"
          disabled={give.isPending || !userId}
          className="rounded bg-slate-800 px-4 py-1.5 text-sm font-medium text-white disabled:opacity-60"
        >
          {give.isPending ? t("giving") : t("give")}
        </button>
        {give.data && (
          <span role="status" className="text-sm text-green-800">
            {t("given", { count: give.data.caseIds.length, officer: officers.find((o) => o.userId === userId)?.username ?? "" })}
          </span>
        )}
        {give.error && (
          <span role="alert" className="text-sm text-red-700">
            {errorText(give.error)}
          </span>
        )}
      </form>
      <div>
        <h3 className="mb-1 text-sm font-medium">{t("results", { days: TRAINING_DAYS })}</h3>
        {results.data && (
          <DataTable
            variant="panel"
            data-testid="training-results"
            rows={results.data.training}
            rowKey={(o) => o.userId}
            rowProps={(o) => ({ "data-testid": `training-${o.username}` })}
            empty={t("noResults")}
            columns={[
              { header: t("columns.officer"), cell: (o) => o.username },
              { header: t("columns.decided"), className: "tabular-nums", cell: (o) => o.decisions },
              { header: t("columns.right"), className: "tabular-nums", cell: (o) => o.accuracy.successes },
              { header: t("columns.accuracy"), cell: (o) => rate(o.accuracy) },
              { header: t("columns.missed"), cell: (o) => rate(o.missedDuplicateRate) },
              { header: t("columns.false"), cell: (o) => rate(o.falseDuplicateRate) },
            ]}
          />
        )}
      </div>
    </section>
  );
}
