import { getTranslations } from "next-intl/server";
import { NotAllowed } from "@/components/not-allowed";
import { SettingsEditor } from "@/components/supervision/settings-editor";
import { pageAccess } from "@/lib/session/page-access";

export default async function AdminSettingsPage() {
  const access = await pageAccess("settings.manage", "/admin/settings");
  if (!access.allowed) return <NotAllowed needs={access.needs} />;
  return (
    <main className="mx-auto max-w-3xl space-y-4 p-6">
      <h1 className="text-2xl font-semibold">{(await getTranslations("settings"))("title")}</h1>
      <SettingsEditor />
    </main>
  );
}
