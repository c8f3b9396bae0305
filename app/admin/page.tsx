import { getTranslations } from "next-intl/server";
import { NotAllowed } from "@/components/not-allowed";
import { UsersTable } from "@/components/admin/users-table";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { pageAccess } from "@/lib/session/page-access";

export default async function AdminUsersPage() {
  const access = await pageAccess("users.read", "/admin");
  if (!access.allowed) return <NotAllowed needs={access.needs} />;
  const t = await getTranslations("users");
  return (
    <main className="mx-auto max-w-6xl space-y-6 p-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      {access.user.permissions.includes("users.manage") && <CreateUserForm />}
      <UsersTable />
    </main>
  );
}
