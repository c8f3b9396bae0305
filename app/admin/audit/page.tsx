import { getTranslations } from "next-intl/server";
import { NotAllowed } from "@/components/not-allowed";
import { AuditLog } from "@/components/admin/audit-log";
import { pageAccess } from "@/lib/session/page-access";

export default async function AdminAuditPage() {
  const access = await pageAccess("audit.read", "/admin/audit");
  if (!access.allowed) return <NotAllowed needs={access.needs} />;
  return (
    <main className="mx-auto max-w-6xl space-y-4 p-6">
      <h1 className="text-2xl font-semibold">{(await getTranslations("audit"))("title")}</h1>
      <AuditLog />
    </main>
  );
}
