import { getTranslations } from "next-intl/server";
import { NotAllowed } from "@/components/not-allowed";
import { CaseHandling } from "@/components/supervision/case-handling";
import { SupervisionNav } from "@/components/supervision/supervision-nav";
import { pageAccess } from "@/lib/session/page-access";

export default async function SupervisionCasesPage() {
  const access = await pageAccess("cases.viewAll", "/supervision/cases");
  if (!access.allowed) return <NotAllowed needs={access.needs} />;
  return (
    <main className="mx-auto max-w-6xl space-y-4 p-6">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">{(await getTranslations("supervision"))("casesTitle")}</h1>
        <SupervisionNav current="cases" />
      </div>
      <CaseHandling canReassign={access.user.permissions.includes("cases.reassign")} />
    </main>
  );
}
