"use client";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { apiFetch } from "@/lib/client/api-fetch";
import { UI_LANGUAGE_COOKIE } from "@/lib/i18n/ui-languages";
import { useErrorText } from "./use-error-text";

/**
 * The language of the screens. Signed in, it is saved as the officer's preference (which also sets the cookie);
 * without a user (sign-in page) only the cookie is set.
 */
export function LanguageMenu({
  current,
  offered,
  signedIn,
}: {
  current: string;
  offered: { code: string; tag: string; name: string }[];
  signedIn: boolean;
}) {
  const t = useTranslations("header");
  const errorText = useErrorText();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  if (offered.length < 2) return null;
  async function choose(code: string) {
    setError(null);
    setSaving(true);
    try {
      if (signedIn) await apiFetch("/api/account/language", { method: "PUT", json: { language: code } });
      // biome-ignore lint/suspicious/noDocumentCookie: one fixed name and a code from the offered list; the Cookie Store API is not in every browser officers use
      else document.cookie = `${UI_LANGUAGE_COOKIE}=${code}; path=/; max-age=${365 * 24 * 3600}; samesite=lax`;
      // A full reload: <html lang dir>, the server's pages and every client message change together.
      window.location.reload();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  }
  return (
    <div className="flex items-center gap-2 text-sm">
      <label htmlFor={id} className="sr-only">
        {t("language")}
      </label>
      <select
        id={id}
        data-testid="language-menu"
        value={current}
        disabled={saving}
        onChange={(e) => void choose(e.target.value)}
        className="rounded bg-slate-700 px-2 py-1 text-slate-100"
      >
        {offered.map((l) => (
          <option key={l.code} value={l.code} lang={l.tag}>
            {l.name}
          </option>
        ))}
      </select>
      {error && (
        <span role="alert" className="text-red-300">
          {error}
        </span>
      )}
    </div>
  );
}
