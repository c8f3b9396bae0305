"use client";
import { useTranslations } from "next-intl";
import { useErrorText } from "@/components/use-error-text";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { apiFetch } from "@/lib/client/api-fetch";

interface Summary {
  running: boolean;
  batches?: number;
  requests?: number;
  responses?: number;
  broken?: number;
  unanswered?: number;
}

/** The built-in MOSIP: feed more synthetic requests and see how the answers held up against the contract. */
export function SimulatorPanel() {
  const t = useTranslations("simulator");
  const errorText = useErrorText();
  const qc = useQueryClient();
  const [adj, setAdj] = useState(3);
  const [ver, setVer] = useState(1);
  const { data } = useQuery({
    queryKey: ["simulator"],
    queryFn: () => apiFetch<Summary>("/api/simulator/requests"),
    refetchInterval: 5000,
  });
  const add = useMutation({
    mutationFn: () =>
      apiFetch<{ created: number }>("/api/simulator/requests", { method: "POST", json: { adjudications: adj, verifications: ver } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["simulator"] }),
  });
  if (data && !data.running) return <p className="text-slate-600">{t("off")}</p>;
  return (
    <div className="space-y-4">
      {data && (
        <dl className="grid grid-cols-5 gap-3 text-center" data-testid="simulator-summary">
          {(
            [
              [t("requests"), data.requests],
              [t("responses"), data.responses],
              [t("broken"), data.broken],
              [t("unanswered"), data.unanswered],
              [t("batches"), data.batches],
            ] as const
          ).map(([k, v]) => (
            <div key={k} className="rounded bg-white p-3 shadow-sm">
              <dt className="text-xs text-slate-500">{k}</dt>
              <dd className="text-2xl font-semibold">{v ?? 0}</dd>
            </div>
          ))}
        </dl>
      )}
      <form
        className="flex items-end gap-3 rounded bg-white p-4 shadow-sm"
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate();
        }}
      >
        <label className="text-sm">
          {t("adjudications")}
          <input
            type="number"
            min={0}
            max={50}
            value={adj}
            onChange={(e) => setAdj(Number(e.target.value))}
            className="mt-1 block w-24 rounded border px-2 py-1"
          />
        </label>
        <label className="text-sm">
          {t("verifications")}
          <input
            type="number"
            min={0}
            max={50}
            value={ver}
            onChange={(e) => setVer(Number(e.target.value))}
            className="mt-1 block w-24 rounded border px-2 py-1"
          />
        </label>
        <button type="submit" disabled={add.isPending} className="rounded bg-slate-800 px-4 py-1.5 text-white disabled:opacity-60">
          {t("send")}
        </button>
        {add.data && (
          <span role="status" className="text-sm text-green-800">
            {t("sent", { count: add.data.created })}
          </span>
        )}
        {add.error && (
          <span role="alert" className="text-sm text-red-700">
            {errorText(add.error)}
          </span>
        )}
      </form>
    </div>
  );
}
