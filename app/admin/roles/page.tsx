import { NotAllowed } from "@/components/not-allowed";
import { RolePermissionsEditor } from "@/components/admin/role-permissions-editor";
import { pageAccess } from "@/lib/session/page-access";

export default async function AdminRolesPage() {
  const access = await pageAccess("roles.manage", "/admin/roles");
  if (!access.allowed) return <NotAllowed needs={access.needs} />;
  return (
    <main className="mx-auto max-w-6xl space-y-4 p-6">
      <h1 className="text-2xl font-semibold">Roles and permissions</h1>
      <p className="text-sm text-slate-600">A change takes effect on the next request of every signed-in user holding the role.</p>
      <RolePermissionsEditor />
    </main>
  );
}
