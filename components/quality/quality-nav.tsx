import Link from "next/link";
import { getTranslations } from "next-intl/server";

export type QualityPage = "figures" | "samples" | "settings";

/** The quality section's pages; the sample review and the settings only for holders of quality.manage. */
export async function QualityNav({ current, canManage }: { current: QualityPage; canManage: boolean }) {
  const t = await getTranslations("quality.nav");
  const item = (key: QualityPage, href: string) => (
    <Link
      key={key}
      href={href}
      aria-current={current === key ? "page" : undefined}
      className={`border-b-2 px-3 py-1.5 text-sm ${current === key ? "border-slate-800 font-medium" : "border-transparent text-slate-600 hover:text-slate-900"}`}
    >
      {t(key)}
    </Link>
  );
  return (
    <nav aria-label={t("label")} className="flex gap-1 border-b border-slate-200">
      {item("figures", "/supervision/quality")}
      {canManage && item("samples", "/supervision/quality/samples")}
      {canManage && item("settings", "/supervision/quality/settings")}
    </nav>
  );
}
