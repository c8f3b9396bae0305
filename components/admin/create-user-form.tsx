"use client";
import { useTranslations } from "next-intl";
import { useErrorText } from "@/components/use-error-text";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { apiFetch } from "@/lib/client/api-fetch";
import { RoleCheckboxes } from "./role-checkboxes";
import { EligibilityCheckboxes } from "./eligibility-checkboxes";
import type { RoleName, UserRow } from "./types";

export function CreateUserForm() {
  const t = useTranslations("users");
  const errorText = useErrorText();
  const qc = useQueryClient();
  const [roles, setRoles] = useState<RoleName[]>(["OPERATOR"]);
  const [elig, setElig] = useState({ primary: true, secondary: true });
  const [created, setCreated] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (body: unknown) => apiFetch<UserRow>("/api/admin/users", { method: "POST", json: body }),
    onSuccess: (u) => {
      setCreated(u.username);
      void qc.invalidateQueries({ queryKey: ["users"] });
    },
  });

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const form = e.currentTarget;
    setCreated(null);
    create.mutate(
      {
        username: String(f.get("username") ?? ""),
        displayName: String(f.get("displayName") ?? "") || undefined,
        password: String(f.get("password") ?? ""),
        roles,
        canPrimary: elig.primary,
        canSecondary: elig.secondary,
      },
      { onSuccess: () => form.reset() },
    );
  }

  return (
    <form onSubmit={onSubmit} aria-label={t("create.label")} className="space-y-3 rounded bg-white p-4 shadow-sm">
      <h2 className="text-lg font-semibold">{t("create.title")}</h2>
      <div className="grid grid-cols-3 gap-3">
        <label className="text-sm font-medium">
          {t("create.username")}
          <input name="username" required maxLength={64} className="mt-1 w-full rounded border border-slate-300 px-2 py-1 font-normal" />
        </label>
        <label className="text-sm font-medium">
          {t("create.displayName")}
          <input name="displayName" maxLength={128} className="mt-1 w-full rounded border border-slate-300 px-2 py-1 font-normal" />
        </label>
        <label className="text-sm font-medium">
          {t("create.password")}
          <input
            name="password"
            type="password"
            required
            minLength={12}
            autoComplete="new-password"
            className="mt-1 w-full rounded border border-slate-300 px-2 py-1 font-normal"
          />
        </label>
      </div>
      <div className="flex gap-10">
        <RoleCheckboxes value={roles} onChange={setRoles} idPrefix="new-role" />
        <EligibilityCheckboxes primary={elig.primary} secondary={elig.secondary} onChange={setElig} idPrefix="new-elig" />
      </div>
      {create.error && (
        <p role="alert" className="text-sm text-red-700">
          {errorText(create.error)}
        </p>
      )}
      {created && (
        <p role="status" className="text-sm text-green-800">
          {t("create.created", { username: created })}
        </p>
      )}
      <button
        type="submit"
        disabled={create.isPending}
        className="rounded bg-slate-800 px-4 py-1.5 text-white hover:bg-slate-700 disabled:opacity-60"
      >
        {t("create.submit")}
      </button>
    </form>
  );
}
