import Link from "next/link";
import type { SessionUser } from "@/lib/auth/load-user";
import { SignOutButton } from "./sign-out-button";

export function AppHeader({ user }: { user: SessionUser | null }) {
  const can = (p: string) => user?.permissions.includes(p as never) ?? false;
  // Nothing else opens until a password an admin set is changed (lib/session/page-access.ts).
  const links = (
    user?.mustChangePassword
      ? []
      : [
          can("queue.own") && { href: "/queue", label: "My queue" },
          can("cases.viewAll") && { href: "/supervision", label: "Supervision" },
          can("users.read") && { href: "/admin", label: "Users" },
          can("roles.manage") && { href: "/admin/roles", label: "Roles" },
          can("audit.read") && { href: "/admin/audit", label: "Audit log" },
          can("integration.operate") && { href: "/admin/simulator", label: "Simulator" },
          can("integration.view") && { href: "/admin/integration", label: "Integration" },
          can("settings.manage") && { href: "/admin/settings", label: "Settings" },
        ]
  ).filter(Boolean) as { href: string; label: string }[];
  return (
    <header className="bg-slate-800 text-white">
      <div className="mx-auto flex max-w-6xl items-center gap-6 px-4 py-2">
        <Link href="/" className="font-semibold tracking-tight">
          MOSIP Adjudication
        </Link>
        <nav className="flex gap-1 text-sm">
          {links.map((l) => (
            <Link key={l.href} href={l.href} className="rounded px-2 py-1 text-slate-200 hover:bg-slate-700">
              {l.label}
            </Link>
          ))}
        </nav>
        {user && (
          <div className="ml-auto flex items-center gap-3 text-sm">
            <span data-testid="current-user">
              {user.username} <span className="text-slate-400">({user.roles.join(", ").toLowerCase() || "no role"})</span>
            </span>
            <Link href="/account/password" className="rounded px-2 py-1 text-slate-200 hover:bg-slate-700">
              Password
            </Link>
            <SignOutButton />
          </div>
        )}
      </div>
    </header>
  );
}
