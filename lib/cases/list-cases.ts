import "server-only";
import { z } from "zod";
import type { PrismaClient, Prisma } from "@/lib/db/generated/client";
import type { SessionUser } from "@/lib/auth/load-user";
import { HttpError } from "@/lib/http/http-error";

export const listCasesQuery = z.strictObject({
  scope: z.enum(["mine", "all"]).default("mine"),
  state: z.enum(["RECEIVED", "FETCHING", "DATA_UNAVAILABLE", "READY", "IN_PRIMARY", "IN_SECONDARY", "CONFLICT", "DECIDED", "ANSWERED", "SUPERSEDED"]).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type ListCasesQuery = z.output<typeof listCasesQuery>;

export interface CaseSummary {
  id: string;
  requestId: string;
  kind: "ADJUDICATION" | "VERIFICATION";
  state: string;
  candidateCount: number;
  receivedAt: string;
  deadlineAt: string | null;
  myLevel: "PRIMARY" | "SECONDARY" | null;
}

/**
 * "mine": the cases waiting for the caller at the level they hold. "all" needs cases.viewAll.
 * No personal data here: the RID is shown only inside a case, where viewing is audited.
 */
export async function listCases(prisma: PrismaClient, user: SessionUser, q: ListCasesQuery): Promise<CaseSummary[]> {
  let where: Prisma.CaseWhereInput;
  if (q.scope === "all") {
    if (!user.permissions.includes("cases.viewAll")) throw new HttpError(403, "not allowed: needs permission cases.viewAll");
    where = q.state ? { state: q.state } : {};
  } else {
    if (!user.permissions.includes("queue.own")) throw new HttpError(403, "not allowed: needs permission queue.own");
    where = {
      OR: [
        { primaryAssigneeId: user.id, state: "IN_PRIMARY" },
        { secondaryAssigneeId: user.id, state: "IN_SECONDARY" },
      ],
      ...(q.state ? { state: q.state } : {}),
    };
  }
  const rows = await prisma.case.findMany({ where, orderBy: [{ deadlineAt: { sort: "asc", nulls: "last" } }, { receivedAt: "asc" }], take: q.limit });
  return rows.map((c) => ({
    id: c.id,
    requestId: c.requestId,
    kind: c.kind,
    state: c.state,
    candidateCount: c.candidateCount,
    receivedAt: c.receivedAt.toISOString(),
    deadlineAt: c.deadlineAt?.toISOString() ?? null,
    myLevel: c.primaryAssigneeId === user.id && c.state === "IN_PRIMARY" ? "PRIMARY" : c.secondaryAssigneeId === user.id && c.state === "IN_SECONDARY" ? "SECONDARY" : null,
  }));
}
