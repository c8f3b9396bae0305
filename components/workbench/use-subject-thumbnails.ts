"use client";
import { useQueries } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-fetch";
import type { SubjectThumbnailsAnswer as ThumbnailsAnswer } from "@/lib/cases/subject-thumbnails";

/**
 * The grid thumbnails of the subjects on screen, one request per subject (GET …/subjects/{subject}/thumbnails)
 * instead of one per image: 2 requests for the applicant and a candidate where there were 26, each of which paid
 * the session, access check and a browser connection slot ([decision 0023](../../docs/decisions/0023-case-prefetch-and-batched-thumbnails.md)).
 * Returns, per subject key, the image source of each BIR index: a data: URL from the answer, or the single-image
 * route when the batched request failed; undefined while it is on its way. `initial` holds what the page's server
 * render already brought (the applicant and the first candidate): those are not asked for again. No `select`: a derived value made in
 * `select` is a new object on each render, which useQueries turns into an endless re-render.
 */
export function useSubjectThumbnails(
  caseId: string,
  subjectKeys: string[],
  initial?: Record<string, ThumbnailsAnswer>,
): (subject: string, birIndex: number) => string | undefined {
  const answers = useQueries({
    queries: subjectKeys.map((subject) => ({
      queryKey: ["thumbnails", caseId, subject],
      queryFn: () => apiFetch<ThumbnailsAnswer>(`/api/cases/${caseId}/subjects/${subject}/thumbnails`),
      initialData: initial?.[subject],
      staleTime: Number.POSITIVE_INFINITY,
      retry: false,
    })),
  });
  return (subject, birIndex) => {
    const answer = answers[subjectKeys.indexOf(subject)];
    if (!answer || answer.isPending) return undefined;
    if (answer.isError) return `/api/cases/${caseId}/subjects/${subject}/images/${birIndex}?variant=thumb`;
    const t = answer.data.thumbnails.find((x) => x.birIndex === birIndex);
    return t ? `data:${t.mime};base64,${t.data}` : undefined;
  };
}
