import { getTranslations } from "next-intl/server";
import { NotAllowed } from "@/components/not-allowed";
import { RolePermissionsEditor } from "@/components/admin/role-permissions-editor";
import { pageAccess } from "@/lib/session/page-access";

export default async function AdminRolesPage() {
  const access = await pageAccess("roles.manage", "/admin/roles");
  if (!access.allowed) return <NotAllowed needs={access.needs} />;
  const t = await getTranslations("roles");
  return (
    <main className="mx-auto max-w-6xl space-y-4 p-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <RolePermissionsEditor />
    </main>
  );
}
