"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useErrorText } from "@/components/use-error-text";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import { apiFetch } from "@/lib/client/api-fetch";
import { RoleCheckboxes } from "./role-checkboxes";
import { EligibilityCheckboxes } from "./eligibility-checkboxes";
import type { RoleName, UserRow } from "./types";

/** `selfId`: the signed-in admin, whose own roles are not offered (the API refuses that change anyway). */
export function EditUserForm({ id, selfId }: { id: string; selfId: string }) {
  const t = useTranslations("editUser");
  const tu = useTranslations("users");
  const format = useFormatter();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const {
    data: user,
    error,
    isPending,
  } = useQuery({ queryKey: ["users", id], queryFn: () => apiFetch<UserRow>(`/api/admin/users/${id}`) });
  const [roles, setRoles] = useState<RoleName[]>([]);
  const [elig, setElig] = useState({ primary: true, secondary: true });
  const [displayName, setDisplayName] = useState("");
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    if (!user) return;
    setRoles(user.roles);
    setElig({ primary: user.canPrimary, secondary: user.canSecondary });
    setDisplayName(user.displayName ?? "");
  }, [user]);

  const patch = useMutation({
    mutationFn: (body: unknown) => apiFetch<UserRow>(`/api/admin/users/${id}`, { method: "PATCH", json: body }),
    onSuccess: (u) => {
      qc.setQueryData(["users", id], u);
      void qc.invalidateQueries({ queryKey: ["users"] });
      setNotice(t("saved"));
    },
  });
  const reset = useMutation({
    mutationFn: (password: string) => apiFetch(`/api/admin/users/${id}/password`, { method: "POST", json: { password } }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ["users"] });
      setNotice(t("passwordReset"));
    },
  });

  if (isPending) return <p className="text-slate-500">{t("loading")}</p>;
  if (error)
    return (
      <p role="alert" className="text-red-700">
        {errorText(error)}
      </p>
    );

  function save(e: FormEvent) {
    e.preventDefault();
    setNotice(null);
    // Roles are sent only where they can be edited: not one's own, not those an identity provider asserts.
    const editableRoles = id !== selfId && user?.authSource !== "OIDC";
    patch.mutate({
      ...(editableRoles ? { roles } : {}),
      canPrimary: elig.primary,
      canSecondary: elig.secondary,
      displayName: displayName || null,
    });
  }
  function onReset(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setNotice(null);
    const form = e.currentTarget;
    reset.mutate(String(new FormData(form).get("newPassword") ?? ""), { onSuccess: () => form.reset() });
  }
  const failure = patch.error ?? reset.error;
  const roleList = user.roles.map((r) => tu(`roleNames.${r}`)).join(tu("listSeparator")) || t("noRoles");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">
        {user.username}{" "}
        <span className="text-base font-normal text-slate-500">
          {user.active ? tu("status.active") : tu("status.deactivated")}
          {user.lockedUntil && ` · ${t("lockedUntil", { time: format.dateTime(new Date(user.lockedUntil), { timeStyle: "medium" }) })}`} ·{" "}
          {user.authSource === "OIDC" ? t("oidc") : t("local")}
        </span>
      </h1>
      {failure && (
        <p role="alert" className="rounded bg-red-50 p-2 text-sm text-red-800">
          {errorText(failure)}
        </p>
      )}
      {notice && (
        <p role="status" className="rounded bg-green-50 p-2 text-sm text-green-800">
          {notice}
        </p>
      )}
      <form onSubmit={save} aria-label={t("label")} className="space-y-3 rounded bg-white p-4 shadow-sm">
        <label className="block text-sm font-medium">
          {t("displayName")}
          <input
            value={displayName}
            onChange={(e) => setDisplayName(e.target.value)}
            maxLength={128}
            className="mt-1 w-80 rounded border border-slate-300 px-2 py-1 font-normal"
          />
        </label>
        {id === selfId ? (
          <p className="text-sm text-slate-600" data-testid="roles-readonly">
            {t("ownRoles", { roles: roleList })}
          </p>
        ) : user.authSource === "OIDC" ? (
          <p className="text-sm text-slate-600" data-testid="roles-readonly">
            {t("oidcRoles", { roles: roleList })}
          </p>
        ) : (
          <RoleCheckboxes value={roles} onChange={setRoles} idPrefix="edit-role" />
        )}
        <EligibilityCheckboxes primary={elig.primary} secondary={elig.secondary} onChange={setElig} idPrefix="edit-elig" />
        <button type="submit" className="rounded bg-slate-800 px-4 py-1.5 text-white hover:bg-slate-700">
          {t("save")}
        </button>
      </form>
      <div className="flex gap-3">
        {user.active ? (
          <button
            type="button"
            onClick={() => patch.mutate({ active: false })}
            className="rounded border border-red-300 px-3 py-1.5 text-red-800 hover:bg-red-50"
          >
            {t("deactivate")}
          </button>
        ) : (
          <button
            type="button"
            onClick={() => patch.mutate({ active: true })}
            className="rounded border border-slate-300 px-3 py-1.5 hover:bg-slate-100"
          >
            {t("reactivate")}
          </button>
        )}
        {user.lockedUntil && (
          <button
            type="button"
            onClick={() => patch.mutate({ unlock: true })}
            className="rounded border border-slate-300 px-3 py-1.5 hover:bg-slate-100"
          >
            {t("unlock")}
          </button>
        )}
      </div>
      {user.authSource === "LOCAL" && (
        <form onSubmit={onReset} aria-label={t("reset")} className="space-y-2 rounded bg-white p-4 shadow-sm">
          <label className="block text-sm font-medium">
            {t("newPassword")}
            <input
              name="newPassword"
              type="password"
              required
              minLength={12}
              autoComplete="new-password"
              className="mt-1 w-80 rounded border border-slate-300 px-2 py-1 font-normal"
            />
          </label>
          <button type="submit" className="rounded border border-slate-300 px-3 py-1.5 hover:bg-slate-100">
            {t("reset")}
          </button>
        </form>
      )}
    </div>
  );
}
