import { NotAllowed } from "@/components/not-allowed";
import { CaseWorkbench } from "@/components/workbench/case-workbench";
import { pageAccess } from "@/lib/session/page-access";
import { ready } from "@/lib/boot/boot-app";
import { openCasePage } from "@/lib/cases/open-case-page";

export default async function CasePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user } = await pageAccess(null, `/cases/${id}`);
  if (!/^[0-9a-f-]{36}$/i.test(id)) return <NotAllowed needs="assignment" />;
  const { prisma } = await ready();
  // The same rule as GET /api/cases/{id}: the current assignee at the level the case waits for, or a supervisor;
  // a refusal of an existing case is audited like one from the API, an unknown id is not a case to record.
  const opened = await openCasePage(prisma, user, id);
  if (opened === "refused") return <NotAllowed needs="assignment" />;
  return <CaseWorkbench caseId={id} initial={opened ?? undefined} />;
}
