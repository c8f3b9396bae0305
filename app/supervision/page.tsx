import { getTranslations } from "next-intl/server";
import { NotAllowed } from "@/components/not-allowed";
import { SupervisionDashboard } from "@/components/supervision/supervision-dashboard";
import { SupervisionNav } from "@/components/supervision/supervision-nav";
import { pageAccess } from "@/lib/session/page-access";

export default async function SupervisionPage() {
  const access = await pageAccess("cases.viewAll", "/supervision");
  if (!access.allowed) return <NotAllowed needs={access.needs} />;
  const t = await getTranslations("supervision");
  return (
    <main className="mx-auto max-w-6xl space-y-4 p-6">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <SupervisionNav current="dashboard" />
      </div>
      <SupervisionDashboard />
      {access.user.permissions.includes("analytics.export") && (
        <p className="text-sm text-slate-600">
          {t("profiles")}{" "}
          <a className="text-blue-700 underline" href="/api/supervision/profiles.ndjson">
            {t("ndjson")}
          </a>{" "}
          ·{" "}
          <a className="text-blue-700 underline" href="/api/supervision/profiles.ndjson?format=bulk">
            {t("bulk")}
          </a>
        </p>
      )}
    </main>
  );
}
