"use client";
import { useTranslations } from "next-intl";
import { signIn } from "next-auth/react";
import { useRouter, useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";
import { safeCallbackPath } from "@/lib/client/safe-callback-path";

/** The reasons next-auth and lib/auth give for a refused sign-in, each with its message in "signin.errors". */
const REASONS = new Set(["invalid", "locked", "inactive", "throttled", "AccessDenied", "norole"]);
const reasonKey = (error: string) => (error === "CredentialsSignin" ? "invalid" : REASONS.has(error) ? error : "failed");

export function SignInForm({ oidcName }: { oidcName: string | null }) {
  const t = useTranslations("signin");
  const router = useRouter();
  const params = useSearchParams();
  // Resolved when used, in the browser: the page is also rendered on the server, where there is no window.
  const callbackUrl = () => safeCallbackPath(params.get("callbackUrl"), window.location.origin);
  const [error, setError] = useState<string | null>(params.get("error"));
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    const res = await signIn("credentials", { redirect: false, username: form.get("username"), password: form.get("password") });
    setBusy(false);
    if (res?.ok && !res.error) {
      router.replace(callbackUrl());
      router.refresh();
    } else setError(res?.error ?? "invalid");
  }

  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} className="space-y-4" aria-label={t("title")}>
        <div>
          <label htmlFor="username" className="block text-sm font-medium">
            {t("username")}
          </label>
          <input
            id="username"
            name="username"
            autoComplete="username"
            required
            maxLength={64}
            className="mt-1 w-full rounded border border-slate-300 px-3 py-2"
            // biome-ignore lint/a11y/noAutofocus: the sign-in page has one task; focus on its first field is what every user expects
            autoFocus
          />
        </div>
        <div>
          <label htmlFor="password" className="block text-sm font-medium">
            {t("password")}
          </label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            maxLength={256}
            className="mt-1 w-full rounded border border-slate-300 px-3 py-2"
          />
        </div>
        {error && (
          <p role="alert" data-testid="signin-error" className="rounded bg-red-50 px-3 py-2 text-sm text-red-800">
            {t(`errors.${reasonKey(error)}`)}
          </p>
        )}
        <button
          type="submit"
          disabled={busy}
          className="w-full rounded bg-slate-800 px-4 py-2 font-medium text-white hover:bg-slate-700 disabled:opacity-60"
        >
          {t("submit")}
        </button>
      </form>
      {oidcName && (
        <button
          type="button"
          onClick={() => signIn("oidc", { callbackUrl: callbackUrl() })}
          className="w-full rounded border border-slate-300 px-4 py-2 hover:bg-slate-100"
        >
          {t("withOidc", { name: oidcName })}
        </button>
      )}
    </div>
  );
}

// Only same-site paths: an open redirect after sign-in would be a phishing aid.
