import "server-only";
import { z } from "zod";
import type { PrismaClient, Prisma } from "@/lib/db/generated/client";
import type { SessionUser } from "@/lib/auth/load-user";
import { recordAudit } from "@/lib/audit/record-audit";
import { DomainError } from "@/lib/errors/domain-error";
import { FAILING_DOWNLOAD, summarizeDataRetries, type DataRetrySummary } from "./summarize-data-retries";
import { ALL_STATES, assignedLevel, heldBy, type ReviewLevel } from "./case-lifecycle";
import { summarizeResend, type ResentSummary } from "./summarize-resend";

export const listCasesQuery = z.strictObject({
  scope: z.enum(["mine", "all"]).default("mine"),
  state: z.enum(ALL_STATES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  kind: z.enum(["ADJUDICATION", "VERIFICATION"]).optional(),
  /** Cases this user holds or held, as primary or secondary. */
  operator: z.uuid().optional(),
  /** Only cases received at least this many minutes ago. */
  minAgeMinutes: z.coerce
    .number()
    .int()
    .min(0)
    .max(365 * 24 * 60)
    .optional(),
  /** Exact applicant RID. Looking a person up is a view of personal data: audited. */
  rid: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z_-]{1,64}$/, "must be a RID (letters, digits, - or _)")
    .optional(),
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
  myLevel: ReviewLevel | null;
  primaryAssignee: { id: string; username: string } | null;
  secondaryAssignee: { id: string; username: string } | null;
  /** Still FETCHING with failing downloads: since when and how often the MAS has tried (codes only). */
  dataRetry: DataRetrySummary | null;
  /** MOSIP re-sent this request: how many requests it replaces and how long the first of them had waited. */
  resent: ResentSummary | null;
}

/**
 * "mine": the cases waiting for the caller at the level they hold. "all" needs cases.viewAll.
 * No personal data here: the RID is shown only inside a case, where viewing is audited.
 */
export async function listCases(prisma: PrismaClient, user: SessionUser, q: ListCasesQuery): Promise<CaseSummary[]> {
  let where: Prisma.CaseWhereInput;
  if (q.scope === "all") {
    if (!user.permissions.includes("cases.viewAll")) throw new DomainError("forbidden", "not allowed: needs permission cases.viewAll");
    where = q.state ? { state: q.state } : {};
  } else {
    if (!user.permissions.includes("queue.own")) throw new DomainError("forbidden", "not allowed: needs permission queue.own");
    where = { ...heldBy(user.id), ...(q.state ? { state: q.state } : {}) };
  }
  const filters: Prisma.CaseWhereInput[] = [];
  if (q.kind) filters.push({ kind: q.kind });
  if (q.operator) filters.push({ OR: [{ primaryAssigneeId: q.operator }, { secondaryAssigneeId: q.operator }] });
  if (q.minAgeMinutes !== undefined) filters.push({ receivedAt: { lte: new Date(Date.now() - q.minAgeMinutes * 60_000) } });
  if (q.rid) filters.push({ referenceId: q.rid });
  if (filters.length) where = { AND: [where, ...filters] };
  const find = (db: Pick<Prisma.TransactionClient, "case">) =>
    db.case.findMany({
      where,
      orderBy: [{ deadlineAt: { sort: "asc", nulls: "last" } }, { receivedAt: "asc" }],
      take: q.limit,
      include: {
        primaryAssignee: { select: { id: true, username: true } },
        secondaryAssignee: { select: { id: true, username: true } },
        // Only failing ones, so a list of settled cases reads no download rows.
        downloads: { where: FAILING_DOWNLOAD, select: { createdAt: true, attempts: true, lastErrorCode: true } },
        supersedes: { select: { receivedAt: true } },
      },
    });
  const rows = q.rid
    ? await prisma.$transaction(async (tx) => {
        const found = await find(tx);
        // Who looked for a person, and whether they were found; never the RID itself.
        await recordAudit(tx, {
          actor: user,
          action: "case.search_rid",
          targetType: found.length === 1 ? "case" : undefined,
          targetId: found.length === 1 ? found[0].id : undefined,
          details: { matches: found.length },
        });
        return found;
      })
    : await find(prisma);
  return rows.map((c) => ({
    id: c.id,
    requestId: c.requestId,
    kind: c.kind,
    state: c.state,
    candidateCount: c.candidateCount,
    receivedAt: c.receivedAt.toISOString(),
    deadlineAt: c.deadlineAt?.toISOString() ?? null,
    myLevel: assignedLevel(c, user.id),
    primaryAssignee: c.primaryAssignee,
    secondaryAssignee: c.secondaryAssignee,
    dataRetry: c.state === "FETCHING" ? summarizeDataRetries(c.downloads) : null,
    resent: summarizeResend(c.receivedAt, c.supersedes),
  }));
}
