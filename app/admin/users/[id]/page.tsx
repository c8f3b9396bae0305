import { NotAllowed } from "@/components/not-allowed";
import { EditUserForm } from "@/components/admin/edit-user-form";
import { pageAccess } from "@/lib/session/page-access";

export default async function AdminUserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const access = await pageAccess("users.manage", `/admin/users/${id}`);
  if (!access.allowed) return <NotAllowed needs={access.needs} />;
  return (
    <main className="mx-auto max-w-4xl p-6">
      <EditUserForm id={id} selfId={access.user.id} />
    </main>
  );
}
