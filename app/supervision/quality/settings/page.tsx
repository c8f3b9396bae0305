import { NotAllowed } from "@/components/not-allowed";
import { QualityPageFrame } from "@/components/quality/quality-page-frame";
import { QualitySettingsForm, TrainingPanel } from "@/components/quality/quality-settings-form";
import { pageAccess } from "@/lib/session/page-access";

export default async function QualitySettingsPage() {
  const access = await pageAccess("quality.manage", "/supervision/quality/settings");
  if (!access.allowed) return <NotAllowed needs={access.needs} />;
  return (
    <QualityPageFrame current="settings" canManage>
      <div className="grid gap-4 lg:grid-cols-2">
        <QualitySettingsForm />
        <TrainingPanel />
      </div>
    </QualityPageFrame>
  );
}
