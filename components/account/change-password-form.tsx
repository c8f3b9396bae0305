"use client";
import { useTranslations } from "next-intl";
import { useErrorText } from "@/components/use-error-text";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { apiFetch } from "@/lib/client/api-fetch";

const PASSWORD_MIN = 12;

/** Changes the signed-in user's own password (POST /api/account/password); forced after an admin set it. */
export function ChangePasswordForm({ forced }: { forced: boolean }) {
  const t = useTranslations("account");
  const errorText = useErrorText();
  const router = useRouter();
  const [mismatch, setMismatch] = useState(false);
  const [done, setDone] = useState(false);
  const change = useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      apiFetch("/api/account/password", { method: "POST", json: body }),
    onSuccess: () => {
      setDone(true);
      // The rest of the app opens now: the header and the landing page follow the cleared flag.
      if (forced) router.replace("/");
      router.refresh();
    },
  });

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const newPassword = String(form.get("newPassword") ?? "");
    setDone(false);
    setMismatch(newPassword !== String(form.get("repeatPassword") ?? ""));
    if (newPassword !== String(form.get("repeatPassword") ?? "")) return;
    change.mutate({ currentPassword: String(form.get("currentPassword") ?? ""), newPassword });
  }

  const field = "mt-1 w-80 rounded border border-slate-300 px-2 py-1 font-normal";
  return (
    <form onSubmit={onSubmit} aria-label={t("formLabel")} className="space-y-3 rounded bg-white p-4 shadow-sm">
      {(mismatch || change.error) && (
        <p role="alert" className="rounded bg-red-50 p-2 text-sm text-red-800">
          {mismatch ? t("mismatch") : errorText(change.error)}
        </p>
      )}
      {done && (
        <p role="status" className="rounded bg-green-50 p-2 text-sm text-green-800">
          {t("changed")}
        </p>
      )}
      <label className="block text-sm font-medium">
        {t("current")}
        <input name="currentPassword" type="password" required autoComplete="current-password" maxLength={256} className={field} />
      </label>
      <label className="block text-sm font-medium">
        {t("new")}
        <input
          name="newPassword"
          type="password"
          required
          minLength={PASSWORD_MIN}
          maxLength={256}
          autoComplete="new-password"
          className={field}
        />
      </label>
      <label className="block text-sm font-medium">
        {t("repeat")}
        <input
          name="repeatPassword"
          type="password"
          required
          minLength={PASSWORD_MIN}
          maxLength={256}
          autoComplete="new-password"
          className={field}
        />
      </label>
      <button type="submit" disabled={change.isPending} className="rounded bg-slate-800 px-4 py-1.5 text-white hover:bg-slate-700">
        {t("submit")}
      </button>
    </form>
  );
}
