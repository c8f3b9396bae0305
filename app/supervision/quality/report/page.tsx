import { getTranslations } from "next-intl/server";
import { NotAllowed } from "@/components/not-allowed";
import { QualityReport } from "@/components/quality/quality-report";
import { ready } from "@/lib/boot/boot-app";
import { getEnv } from "@/lib/env/get-env";
import { loadQualityFigures, qualityFiguresQuery } from "@/lib/quality/load-quality-figures";
import { monthOf } from "@/lib/quality/quality-period";
import { pageAccess } from "@/lib/session/page-access";

type Search = Record<string, string | string[] | undefined>;

/** The printable monthly report: rendered on the server, whole, so that printing it (or page.pdf) needs no wait. */
export default async function QualityReportPage({ searchParams }: { searchParams: Promise<Search> }) {
  const access = await pageAccess("cases.viewAll", "/supervision/quality/report");
  if (!access.allowed) return <NotAllowed needs={access.needs} />;
  const sp = await searchParams;
  const now = new Date();
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  // This month unless the link names a month or a number of days.
  const asked = one(sp.month) || one(sp.days) ? { month: one(sp.month), days: one(sp.days) } : { month: monthOf(now) };
  const query = qualityFiguresQuery.safeParse(asked);
  if (!query.success) {
    const t = await getTranslations("quality.report");
    return (
      <main className="mx-auto max-w-xl p-8">
        <p role="alert" className="text-red-700">
          {t("badPeriod")}
        </p>
      </main>
    );
  }
  const { prisma } = await ready();
  const figures = await loadQualityFigures(prisma, query.data, now);
  return (
    <QualityReport
      figures={figures}
      month={query.data.month}
      programme={getEnv().programmeName}
      generatedAt={now.toISOString()}
      generatedBy={access.user.username}
    />
  );
}
