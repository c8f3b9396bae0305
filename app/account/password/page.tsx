import { getTranslations } from "next-intl/server";
import { PASSWORD_MIN } from "@/lib/auth/password";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { PASSWORD_PAGE, pageAccess } from "@/lib/session/page-access";

export default async function AccountPasswordPage() {
  const { user } = await pageAccess(null, PASSWORD_PAGE);
  const t = await getTranslations("account");
  return (
    <main className="mx-auto max-w-xl space-y-4 p-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      {user.mustChangePassword ? (
        <p role="note" data-testid="password-change-required" className="rounded bg-amber-50 p-2 text-sm text-amber-900">
          {t("forced", { min: PASSWORD_MIN })}
        </p>
      ) : (
        <p className="text-sm text-slate-600">{t("othersSignedOut")}</p>
      )}
      {user.authSource === "OIDC" ? (
        <p className="text-sm text-slate-600">{t("oidc")}</p>
      ) : (
        <ChangePasswordForm forced={user.mustChangePassword} />
      )}
    </main>
  );
}
