import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { SessionUser } from "@/lib/auth/load-user";
import { DomainError } from "@/lib/errors/domain-error";
import { authorizeCaseRead } from "./authorize-case-read";
import { type CaseView, getCaseView } from "./get-case-view";
import { prefetchNextCases, warmOpenedCase } from "./prefetch-cases";
import { type SubjectThumbnailsAnswer, subjectThumbnailsAnswer } from "./subject-thumbnails";

/** What the case page sends with its HTML: the case and the thumbnails of the subjects first on screen. */
export interface CasePageData {
  view: CaseView;
  /** By subject key: the applicant and the first candidate, when their thumbnails could be made. */
  thumbnails: Record<string, SubjectThumbnailsAnswer>;
}

/**
 * The case and its first screen of thumbnails in the page's own answer, so that "Next case" paints after one
 * round trip instead of three (page, then case, then thumbnails): the same checks, audit rows and prefetch as
 * GET /api/cases/{id} and GET …/thumbnails (decision 0031). Null when the case is not the user's to see (the
 * refusal is audited by getCaseView, as from the API); any other failure leaves the client to fetch and show it.
 */
export async function openCasePage(prisma: PrismaClient, user: SessionUser, caseId: string): Promise<CasePageData | "refused" | null> {
  warmOpenedCase(prisma, user, caseId);
  let view: CaseView;
  try {
    view = await getCaseView(prisma, user, caseId);
  } catch (e) {
    if (e instanceof DomainError && (e.code === "forbidden" || e.code === "not_found")) return "refused";
    return null;
  }
  const first = [view.applicant, view.candidates[0]].filter((s) => s?.biometrics && s.dataStatus === "AVAILABLE");
  const answers = await Promise.all(
    first.map(async (s) => {
      await authorizeCaseRead(prisma, user, caseId, s.key, "images");
      const answer = await subjectThumbnailsAnswer(prisma, caseId, s.key).catch(() => null);
      // Nothing to show yet is left to the client's own request, which can be asked again.
      return answer?.thumbnails.length ? ([s.key, answer] as const) : null;
    }),
  );
  // Only now the officer's next cases: preparing them while this page's thumbnails were made would slow the page.
  if (view.role !== "SUPERVISOR") prefetchNextCases(prisma, user.id, [view.id]);
  // Through JSON, as the API would send it: the client sees the same shapes (dates as strings) either way.
  return {
    view: JSON.parse(JSON.stringify(view)) as CaseView,
    thumbnails: Object.fromEntries(answers.filter((a) => a !== null)),
  };
}
