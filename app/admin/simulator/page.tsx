import { getTranslations } from "next-intl/server";
import { NotAllowed } from "@/components/not-allowed";
import { SimulatorPanel } from "@/components/simulator-panel";
import { pageAccess } from "@/lib/session/page-access";

export default async function SimulatorPage() {
  const access = await pageAccess("integration.operate", "/admin/simulator");
  if (!access.allowed) return <NotAllowed needs={access.needs} />;
  const t = await getTranslations("simulator");
  return (
    <main className="mx-auto max-w-5xl space-y-4 p-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <SimulatorPanel />
    </main>
  );
}
