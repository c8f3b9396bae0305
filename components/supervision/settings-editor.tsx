"use client";
import { useEffect, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useErrorText } from "@/components/use-error-text";
import { apiFetch } from "@/lib/client/api-fetch";
import type { AdjudicationSettings } from "@/lib/settings/adjudication-settings";
import type { NumberField } from "@/lib/settings/number-fields";
import { DataTable } from "@/components/data-table";
import { SettingGroupForm } from "./setting-group-form";

interface OperatorCap {
  id: string;
  username: string;
  displayName: string | null;
  active: boolean;
  caseCap: number | null;
}
interface SettingsResponse {
  settings: AdjudicationSettings;
  defaults: AdjudicationSettings;
  operators: OperatorCap[];
}

const input = "rounded border border-slate-300 bg-white px-2 py-1 text-sm";

/** What the user may do with the decision-quality shares: change them (quality.manage), read them (cases.viewAll), neither. */
export type QualityAccess = "edit" | "view" | "none";

/**
 * Every adjudication setting on one screen, each group saved on its own (its own API and audit row): review and
 * deadlines, fatigue and haste guards, the comparison aid, the decision-quality shares, and per-operator caps.
 * Every save is validated and audited on the server.
 */
export function SettingsEditor({
  fields,
  quality,
}: {
  fields: { guards: NumberField[]; comparisonAid: NumberField[]; quality: NumberField[] };
  quality: QualityAccess;
}) {
  const tq = useTranslations("settings.quality");
  return (
    <div className="space-y-6">
      <AdjudicationForm />
      <GroupSection group="guards">
        <SettingGroupForm group="guards" url="/api/admin/settings/guards" fields={fields.guards} />
      </GroupSection>
      <GroupSection group="comparisonAid">
        <SettingGroupForm group="comparisonAid" url="/api/admin/settings/comparison-aid" fields={fields.comparisonAid} />
      </GroupSection>
      <GroupSection group="quality">
        {quality === "none" ? (
          <p className="text-sm text-slate-600" data-testid="settings-quality-hidden">
            {tq("notYours")}
          </p>
        ) : (
          <SettingGroupForm group="quality" url="/api/supervision/quality/settings" fields={fields.quality} readOnly={quality === "view"} />
        )}
      </GroupSection>
    </div>
  );
}

function GroupSection({ group, children }: { group: "guards" | "comparisonAid" | "quality"; children: React.ReactNode }) {
  const t = useTranslations(`settings.${group}`);
  return (
    <section aria-labelledby={`settings-${group}-title`} className="space-y-3 rounded border border-slate-200 bg-white p-4">
      <div>
        <h2 id={`settings-${group}-title`} className="font-semibold">
          {t("title")}
        </h2>
        <p className="text-xs text-slate-600">{t("intro")}</p>
      </div>
      {children}
    </section>
  );
}

/** Review and deadlines (the adjudication group) and, beneath, the per-operator caps. */
function AdjudicationForm() {
  const t = useTranslations("settings");
  const tf = useTranslations("errors.fields");
  const errorText = useErrorText();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ["admin", "settings"], queryFn: () => apiFetch<SettingsResponse>("/api/admin/settings") });
  const [form, setForm] = useState<Record<keyof AdjudicationSettings, string> | null>(null);
  useEffect(() => {
    if (q.data && !form) {
      const s = q.data.settings;
      setForm({
        secondaryReview: s.secondaryReview,
        defaultCaseCap: String(s.defaultCaseCap),
        deadlineWarningMinutes: String(s.deadlineWarningMinutes),
        verificationRejectValue: String(s.verificationRejectValue),
      });
    }
  }, [q.data, form]);
  const save = useMutation({
    mutationFn: () =>
      apiFetch<{ changed: string[] }>("/api/admin/settings", {
        method: "PUT",
        json: {
          secondaryReview: form!.secondaryReview,
          // Sent as typed: a non-number reaches the server's validation and its message, not a silent NaN.
          defaultCaseCap: toNumber(form!.defaultCaseCap),
          deadlineWarningMinutes: toNumber(form!.deadlineWarningMinutes),
          verificationRejectValue: toNumber(form!.verificationRejectValue),
        },
      }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["admin", "settings"] }),
  });
  if (q.isPending || !form) return <p className="text-slate-500">{t("loading")}</p>;
  if (q.error)
    return (
      <p role="alert" className="text-red-700">
        {t("loadError", { error: errorText(q.error) })}
      </p>
    );
  const set = (k: keyof AdjudicationSettings) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setForm({ ...form, [k]: e.target.value });
  return (
    <div className="space-y-6">
      <form
        aria-label={t("title")}
        className="space-y-4 rounded border border-slate-200 bg-white p-4"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <h2 className="font-semibold">{t("reviewTitle")}</h2>
        <fieldset>
          <legend className="text-sm font-medium">{tf("secondaryReview")}</legend>
          <label className="mt-1 flex items-center gap-2 text-sm">
            <input
              type="radio"
              name="secondaryReview"
              value="ALL"
              checked={form.secondaryReview === "ALL"}
              onChange={set("secondaryReview")}
            />
            {t("secondaryAll")}
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name="secondaryReview"
              value="DUPLICATES_ONLY"
              checked={form.secondaryReview === "DUPLICATES_ONLY"}
              onChange={set("secondaryReview")}
            />
            {t("secondaryDuplicates")}
          </label>
        </fieldset>
        <label className="block text-sm">
          <span className="block font-medium">{tf("defaultCaseCap")}</span>
          <span className="block text-xs text-slate-600">{t("defaultCapHelp")}</span>
          <input className={`${input} mt-1 w-28`} value={form.defaultCaseCap} onChange={set("defaultCaseCap")} inputMode="numeric" />
        </label>
        <label className="block text-sm">
          <span className="block font-medium">{tf("deadlineWarningMinutes")}</span>
          <span className="block text-xs text-slate-600">{t("deadlineHelp")}</span>
          <input
            className={`${input} mt-1 w-28`}
            value={form.deadlineWarningMinutes}
            onChange={set("deadlineWarningMinutes")}
            inputMode="numeric"
          />
        </label>
        <label className="block text-sm">
          <span className="block font-medium">{tf("verificationRejectValue")}</span>
          <span className="block text-xs text-slate-600">{t("rejectValueHelp")}</span>
          <input
            className={`${input} mt-1 w-28`}
            value={form.verificationRejectValue}
            onChange={set("verificationRejectValue")}
            inputMode="numeric"
          />
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
              {save.data.changed.length
                ? t("saved", { changed: save.data.changed.map((k) => (tf.has(k) ? tf(k) : k)).join(t("listSeparator")) })
                : t("nothingChanged")}
            </span>
          )}
          {save.error && (
            <span role="alert" className="text-sm text-red-700">
              {errorText(save.error)}
            </span>
          )}
        </div>
      </form>
      <OperatorCaps operators={q.data.operators} defaultCap={q.data.settings.defaultCaseCap} />
    </div>
  );
}

function toNumber(s: string): number | string {
  const t = s.trim();
  return /^-?\d+$/.test(t) ? Number(t) : t;
}

function OperatorCaps({ operators, defaultCap }: { operators: OperatorCap[]; defaultCap: number }) {
  const t = useTranslations("settings");
  return (
    <section aria-label={t("caps")} className="rounded border border-slate-200 bg-white p-4">
      <h2 className="mb-1 font-semibold">{t("caps")}</h2>
      <p className="mb-3 text-xs text-slate-600">{t("capsHelp", { cap: defaultCap })}</p>
      <DataTable
        variant="panel"
        rows={operators}
        rowKey={(o) => o.id}
        rowProps={(o) => ({ "data-testid": `cap-${o.username}` })}
        columns={[
          {
            header: t("operator"),
            cell: (o) => (
              <>
                {o.username}
                {o.displayName && <span className="text-slate-500"> ({o.displayName})</span>}
                {!o.active && <span className="ms-1 text-xs text-slate-500">{t("inactive")}</span>}
              </>
            ),
          },
          { header: t("cap"), cell: (o) => <CapForm op={o} /> },
        ]}
      />
    </section>
  );
}

/** The cap cell of one operator's row: its own input, save and result. */
function CapForm({ op }: { op: OperatorCap }) {
  const t = useTranslations("settings");
  const errorText = useErrorText();
  const qc = useQueryClient();
  const [value, setValue] = useState(op.caseCap === null ? "" : String(op.caseCap));
  const save = useMutation({
    mutationFn: () =>
      apiFetch(`/api/admin/users/${op.id}`, { method: "PATCH", json: { caseCap: value.trim() === "" ? null : toNumber(value) } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["admin", "settings"] }),
  });
  return (
    <form
      className="flex items-center gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <input
        aria-label={t("capFor", { username: op.username })}
        className={`${input} w-20`}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        inputMode="numeric"
        placeholder={t("default")}
      />
      <button type="submit" disabled={save.isPending} className="rounded border border-slate-300 px-2 py-0.5 text-xs">
        {t("saveCap")}
      </button>
      {save.isSuccess && (
        <span role="status" className="text-xs text-green-800">
          {t("capSaved")}
        </span>
      )}
      {save.error && (
        <span role="alert" className="text-xs text-red-700">
          {errorText(save.error)}
        </span>
      )}
    </form>
  );
}
