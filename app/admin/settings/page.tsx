import { getTranslations } from "next-intl/server";
import { NotAllowed } from "@/components/not-allowed";
import { SettingsEditor, type QualityAccess } from "@/components/supervision/settings-editor";
import { pageAccess } from "@/lib/session/page-access";
import { numberFields } from "@/lib/settings/number-fields";
import { guardSettingsSchema } from "@/lib/settings/guard-settings";
import { comparisonAidSettingsSchema } from "@/lib/settings/comparison-aid-settings";
import { qualitySettingsSchema } from "@/lib/settings/quality-settings";

export default async function AdminSettingsPage() {
  const access = await pageAccess("settings.manage", "/admin/settings");
  if (!access.allowed) return <NotAllowed needs={access.needs} />;
  const held = access.user.permissions;
  // The quality shares belong to supervisors (quality.manage); whoever may see every case may read them.
  const quality: QualityAccess = held.includes("quality.manage") ? "edit" : held.includes("cases.viewAll") ? "view" : "none";
  return (
    <main className="mx-auto max-w-3xl space-y-4 p-6">
      <h1 className="text-2xl font-semibold">{(await getTranslations("settings"))("title")}</h1>
      <SettingsEditor
        fields={{
          guards: numberFields(guardSettingsSchema),
          comparisonAid: numberFields(comparisonAidSettingsSchema),
          quality: numberFields(qualitySettingsSchema),
        }}
        quality={quality}
      />
    </main>
  );
}
