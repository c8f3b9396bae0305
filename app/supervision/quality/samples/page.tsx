import { NotAllowed } from "@/components/not-allowed";
import { QualityPageFrame } from "@/components/quality/quality-page-frame";
import { SampleQueue } from "@/components/quality/sample-queue";
import { pageAccess } from "@/lib/session/page-access";

export default async function SampleReviewPage() {
  const access = await pageAccess("quality.manage", "/supervision/quality/samples");
  if (!access.allowed) return <NotAllowed needs={access.needs} />;
  return (
    <QualityPageFrame current="samples" canManage>
      <SampleQueue />
    </QualityPageFrame>
  );
}
