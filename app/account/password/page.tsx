import { ChangePasswordForm } from "@/components/account/change-password-form";
import { PASSWORD_PAGE, pageAccess } from "@/lib/session/page-access";

export default async function AccountPasswordPage() {
  const { user } = await pageAccess(null, PASSWORD_PAGE);
  return (
    <main className="mx-auto max-w-xl space-y-4 p-6">
      <h1 className="text-2xl font-semibold">Change your password</h1>
      {user.mustChangePassword ? (
        <p role="note" data-testid="password-change-required" className="rounded bg-amber-50 p-2 text-sm text-amber-900">
          An administrator set your password. Choose your own before you go on: at least 12 characters, not your username, not the one you
          were given.
        </p>
      ) : (
        <p className="text-sm text-slate-600">Your other sessions are signed out when you change it.</p>
      )}
      {user.authSource === "OIDC" ? (
        <p className="text-sm text-slate-600">You sign in through single sign-on; your password is managed there.</p>
      ) : (
        <ChangePasswordForm forced={user.mustChangePassword} />
      )}
    </main>
  );
}
