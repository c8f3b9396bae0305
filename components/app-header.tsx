import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/auth/load-user";
import type { UiLanguageChoice } from "@/i18n/ui-language";
import { LanguageMenu } from "./language-menu";
import { SignOutButton } from "./sign-out-button";

export async function AppHeader({ user, language }: { user: SessionUser | null; language: UiLanguageChoice }) {
  const t = await getTranslations("header");
  const can = (p: string) => user?.permissions.includes(p as never) ?? false;
  // Nothing else opens until a password an admin set is changed (lib/session/page-access.ts).
  const links = (
    user?.mustChangePassword
      ? []
      : [
          can("queue.own") && { href: "/queue", label: t("nav.queue") },
          can("cases.viewAll") && { href: "/supervision", label: t("nav.supervision") },
          can("users.read") && { href: "/admin", label: t("nav.users") },
          can("roles.manage") && { href: "/admin/roles", label: t("nav.roles") },
          can("audit.read") && { href: "/admin/audit", label: t("nav.audit") },
          can("integration.operate") && { href: "/admin/simulator", label: t("nav.simulator") },
          can("integration.view") && { href: "/admin/integration", label: t("nav.integration") },
          can("settings.manage") && { href: "/admin/settings", label: t("nav.settings") },
        ]
  ).filter(Boolean) as { href: string; label: string }[];
  const roles = user?.roles.map((r) => t(`roles.${r}`)).join(", ");
  return (
    <header className="dark-surface bg-slate-800 text-white print:hidden">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-1 px-4 py-2">
        <Link href="/" className="font-semibold tracking-tight">
          {t("brand")}
        </Link>
        <nav className="flex flex-wrap gap-1 text-sm" aria-label={t("navLabel")}>
          {links.map((l) => (
            <Link key={l.href} href={l.href} className="rounded px-2 py-1 text-slate-200 hover:bg-slate-700">
              {l.label}
            </Link>
          ))}
        </nav>
        <div className="ms-auto flex items-center gap-3 text-sm">
          {user && (
            <>
              <span data-testid="current-user">
                {user.username} <span className="text-slate-400">({roles || t("noRole")})</span>
              </span>
              <Link href="/account/password" className="rounded px-2 py-1 text-slate-200 hover:bg-slate-700">
                {t("password")}
              </Link>
            </>
          )}
          <LanguageMenu current={language.code} offered={language.offered} signedIn={Boolean(user)} />
          {user && <SignOutButton />}
        </div>
      </div>
    </header>
  );
}
