import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function SupervisionNav({ current }: { current: "dashboard" | "cases" | "quality" }) {
  const t = await getTranslations("supervision");
  const item = (key: typeof current, href: string, label: string) => (
    <Link
      href={href}
      aria-current={current === key ? "page" : undefined}
      className={`rounded px-3 py-1.5 text-sm ${current === key ? "bg-slate-800 text-white" : "text-slate-700 hover:bg-slate-200"}`}
    >
      {label}
    </Link>
  );
  return (
    <nav aria-label={t("title")} className="flex gap-1">
      {item("dashboard", "/supervision", t("nav.dashboard"))}
      {item("cases", "/supervision/cases", t("nav.cases"))}
      {item("quality", "/supervision/quality", t("nav.quality"))}
    </nav>
  );
}
