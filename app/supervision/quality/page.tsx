import { NotAllowed } from "@/components/not-allowed";
import { QualityDashboard } from "@/components/quality/quality-dashboard";
import { QualityPageFrame } from "@/components/quality/quality-page-frame";
import { pageAccess } from "@/lib/session/page-access";

export default async function QualityPage() {
  const access = await pageAccess("cases.viewAll", "/supervision/quality");
  if (!access.allowed) return <NotAllowed needs={access.needs} />;
  return (
    <QualityPageFrame current="figures" canManage={access.user.permissions.includes("quality.manage")}>
      <QualityDashboard />
    </QualityPageFrame>
  );
}
