import { NotAllowed } from "@/components/not-allowed";
import { CaseWorkbench } from "@/components/workbench/case-workbench";
import { pageAccess } from "@/lib/session/page-access";
import { ready } from "@/lib/boot/boot-app";
import { caseRole } from "@/lib/cases/case-access";
import { refuseCaseAccess } from "@/lib/cases/refuse-case-access";

export default async function CasePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user } = await pageAccess(null, `/cases/${id}`);
  const { prisma } = await ready();
  const row = /^[0-9a-f-]{36}$/i.test(id)
    ? await prisma.case.findUnique({ where: { id }, select: { state: true, primaryAssigneeId: true, secondaryAssigneeId: true } })
    : null;
  // The same rule as GET /api/cases/{id}: the current assignee at the level the case waits for, or a supervisor.
  if (!row || !caseRole(user, row)) {
    // A refusal of an existing case is audited like one from the API; an unknown id is not a case to record.
    if (row) await refuseCaseAccess(prisma, user, id, "case");
    return <NotAllowed needs="assignment" />;
  }
  return <CaseWorkbench caseId={id} />;
}
