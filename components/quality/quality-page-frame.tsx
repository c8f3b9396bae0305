import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { SupervisionNav } from "@/components/supervision/supervision-nav";
import { type QualityPage, QualityNav } from "./quality-nav";

/** The frame of the quality pages: title, the supervision navigation and the quality section's tabs. */
export async function QualityPageFrame({
  current,
  canManage,
  children,
}: {
  current: QualityPage;
  canManage: boolean;
  children: ReactNode;
}) {
  const t = await getTranslations("quality");
  return (
    <main className="mx-auto max-w-6xl space-y-4 p-6">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <SupervisionNav current="quality" />
      </div>
      <QualityNav current={current} canManage={canManage} />
      {children}
    </main>
  );
}
