import { getTranslations } from "next-intl/server";
import { NotAllowed } from "@/components/not-allowed";
import { IntegrationConsole } from "@/components/integration/integration-console";
import { pageAccess } from "@/lib/session/page-access";

export default async function AdminIntegrationPage() {
  const access = await pageAccess("integration.view", "/admin/integration");
  if (!access.allowed) return <NotAllowed needs={access.needs} />;
  return (
    <main className="mx-auto max-w-6xl space-y-4 p-6">
      <h1 className="text-2xl font-semibold">{(await getTranslations("integration"))("title")}</h1>
      <IntegrationConsole
        canOperate={access.user.permissions.includes("integration.operate")}
        canViewBody={access.user.permissions.includes("cases.viewAll")}
      />
    </main>
  );
}
