"use client";
import { useEffect, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useErrorText } from "@/components/use-error-text";
import { ApiError, apiFetch } from "@/lib/client/api-fetch";
import type { NumberField } from "@/lib/settings/number-fields";

export type SettingGroup = "guards" | "comparisonAid" | "quality";

/**
 * A group of numeric settings stored under its own key (lib/settings/keyed-setting.ts): read from `url`, saved
 * whole with PUT to the same url, validated and audited on the server. Each field is checked here against the
 * schema's range first (lib/settings/number-fields.ts), so a wrong entry is named with what is allowed before anything is sent; what the server
 * still refuses is shown by field too. `readOnly` shows the values without a form (a user who may see them but
 * not change them).
 */
export function SettingGroupForm({
  group,
  url,
  fields,
  readOnly = false,
}: {
  group: SettingGroup;
  url: string;
  fields: NumberField[];
  readOnly?: boolean;
}) {
  const t = useTranslations("settings");
  const tg = useTranslations(`settings.${group}`);
  const errorText = useErrorText();
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ["settings", group],
    queryFn: () => apiFetch<{ settings: Record<string, number>; defaults: Record<string, number> }>(url),
  });
  const [form, setForm] = useState<Record<string, string> | null>(null);
  const [invalid, setInvalid] = useState<string | null>(null);
  useEffect(() => {
    if (q.data && !form) setForm(Object.fromEntries(fields.map((f) => [f.key, String(q.data.settings[f.key])])));
  }, [q.data, form, fields]);
  const save = useMutation({
    mutationFn: (values: Record<string, number>) =>
      apiFetch<{ changed: string[] }>(url, {
        method: "PUT",
        json: values,
      }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["settings", group] }),
  });
  const label = (key: string) => tg(`fields.${key}.label` as never);
  const rangeText = (f: NumberField) => t(f.integer ? "rangeWhole" : "rangeNumber", { field: label(f.key), min: f.min, max: f.max });

  if (q.isPending) return <p className="text-slate-500">{t("loading")}</p>;
  if (q.error)
    return (
      <p role="alert" className="text-red-700">
        {t("loadError", { error: errorText(q.error) })}
      </p>
    );
  if (!form) return null;

  const submit = () => {
    save.reset();
    const values: Record<string, number> = {};
    for (const f of fields) {
      const text = form[f.key].trim().replace(",", ".");
      const n = /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
      if (!Number.isFinite(n) || n < f.min || n > f.max || (f.integer && !Number.isInteger(n))) {
        setInvalid(f.key);
        document.getElementById(`${group}-${f.key}`)?.focus();
        return;
      }
      values[f.key] = n;
    }
    setInvalid(null);
    save.mutate(values);
  };
  // A refusal by the server names its field: say what that field accepts rather than only that it is wrong.
  const serverField = save.error instanceof ApiError ? fields.find((f) => f.key === (save.error as ApiError).field) : undefined;
  const invalidField = fields.find((f) => f.key === invalid);

  return (
    <form
      aria-label={tg("title")}
      className="space-y-3"
      data-testid={`settings-${group}`}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="grid gap-3 sm:grid-cols-2">
        {fields.map((f) => (
          <label key={f.key} htmlFor={`${group}-${f.key}`} className="block text-sm">
            <span className="block font-medium">{label(f.key)}</span>
            <span className="block text-xs text-slate-600">
              {tg(`fields.${f.key}.help` as never)} {t("defaultIs", { value: q.data.defaults[f.key] })}
            </span>
            {readOnly ? (
              <output id={`${group}-${f.key}`} className="mt-1 block font-medium tabular-nums">
                {q.data.settings[f.key]}
              </output>
            ) : (
              <input
                id={`${group}-${f.key}`}
                className={`mt-1 w-28 rounded border bg-white px-2 py-1 text-sm ${invalid === f.key || serverField === f ? "border-red-600" : "border-slate-300"}`}
                value={form[f.key]}
                inputMode={f.integer ? "numeric" : "decimal"}
                aria-invalid={invalid === f.key || serverField === f}
                aria-describedby={invalid === f.key || serverField === f ? `${group}-error` : undefined}
                onChange={(e) => setForm({ ...form, [f.key]: e.target.value })}
              />
            )}
          </label>
        ))}
      </div>
      {!readOnly && (
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="submit"
            disabled={save.isPending}
            className="rounded bg-slate-800 px-4 py-1.5 text-sm font-medium text-white disabled:opacity-60"
          >
            {tg("save")}
          </button>
          {save.data && (
            <span role="status" className="text-sm text-green-800">
              {save.data.changed.length
                ? t("saved", { changed: save.data.changed.map(label).join(t("listSeparator")) })
                : t("nothingChanged")}
            </span>
          )}
          {(invalidField || save.error) && (
            <span id={`${group}-error`} role="alert" className="text-sm text-red-700">
              {invalidField ? rangeText(invalidField) : serverField ? rangeText(serverField) : errorText(save.error)}
            </span>
          )}
        </div>
      )}
    </form>
  );
}
