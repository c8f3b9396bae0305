"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useCallback, useMemo, useReducer, useRef, useState } from "react";
import { apiFetch } from "@/lib/client/api-fetch";
import type { CaseView, SubjectView } from "@/lib/cases/get-case-view";
import { MosipClockNotice } from "./mosip-clock-notice";
import type { GridSlot } from "@/lib/biometrics/grid";
import { checkDraft, newDraft, reduceDraft, type DraftCheck } from "@/lib/cases/decision-draft";
import { useErrorText } from "@/components/use-error-text";
import { useDecisionSummary } from "./use-decision-summary";
import { BiometricGrid, type BiometricSubject } from "@/components/biometrics/biometric-grid";
import { DemographicsTable } from "@/components/demographics/demographics-table";
import { DecisionPanel } from "./decision-panel";
import { ConfirmDialog } from "./confirm-dialog";
import { CompareViewer } from "./compare-viewer";
import { SHORTCUTS, useWorkbenchKeys } from "./use-workbench-keys";
import { useSubjectThumbnails } from "./use-subject-thumbnails";

function imageUrl(caseId: string, subject: SubjectView, slot: GridSlot, variant: "thumb" | "full"): string | undefined {
  const cell = subject.biometrics?.cells.find((c) => c.slot === slot);
  return cell?.birIndex !== null && cell?.birIndex !== undefined
    ? `/api/cases/${caseId}/subjects/${subject.key}/images/${cell.birIndex}?variant=${variant}`
    : undefined;
}

function gridSubject(
  s: SubjectView,
  title: string,
  thumbnail: (subject: string, birIndex: number) => string | undefined,
): BiometricSubject | null {
  if (!s.biometrics) return null;
  const thumbnails: Partial<Record<GridSlot, string>> = {};
  for (const c of s.biometrics.cells) {
    const u = c.birIndex !== null ? thumbnail(s.key, c.birIndex) : undefined;
    if (u) thumbnails[c.slot] = u;
  }
  return { title, grid: s.biometrics, thumbnails };
}

/** "Applicant", "Candidate 2": the subject's name in the officer's language (the server's label is English). */
function useSubjectLabel(view: CaseView): (s: SubjectView) => string {
  const t = useTranslations("workbench");
  return (s) => {
    const i = view.candidates.findIndex((c) => c.key === s.key);
    return i < 0 ? t("applicant") : t("candidate", { n: i + 1 });
  };
}

function Unavailable({ s, label }: { s: SubjectView; label: string }) {
  const t = useTranslations("workbench.unavailable");
  if (!s.unavailableReason) return null;
  const reason =
    s.dataStatus === "UNAVAILABLE"
      ? "none"
      : s.dataStatus === "FAILED"
        ? "failed"
        : s.dataStatus !== "AVAILABLE"
          ? "pending"
          : "unreadable";
  return (
    <p className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="data-unavailable">
      {t("line", { subject: label, reason: t(reason) })}
    </p>
  );
}

function problemText(t: ReturnType<typeof useTranslations<"decision">>, check: DraftCheck): string | null {
  if (check.ready) return null;
  return check.missing.kind === "verdict" ? t("missing.verdict", { n: check.missing.candidate }) : t(`missing.${check.missing.kind}`);
}

/** The comparison screen: applicant beside one candidate at a time, and the officer's decision. */
export function CaseWorkbench({ caseId }: { caseId: string }) {
  const t = useTranslations("workbench");
  const errorText = useErrorText();
  const router = useRouter();
  const qc = useQueryClient();
  const {
    data: view,
    error,
    isPending,
  } = useQuery({
    queryKey: ["case", caseId],
    queryFn: () => apiFetch<CaseView>(`/api/cases/${caseId}`),
    staleTime: Infinity,
    retry: false,
  });
  if (isPending) return <p className="p-6 text-slate-500">{t("opening")}</p>;
  if (error)
    return (
      <p role="alert" className="p-6 text-red-700" data-testid="case-error">
        {errorText(error)}
      </p>
    );
  // After a decision the officer goes straight to their next case, or back to the queue when there is none.
  const onDone = async () => {
    await qc.invalidateQueries({ queryKey: ["cases"] });
    const next = await apiFetch<{ caseId: string | null }>("/api/cases/next", { method: "POST" }).catch(() => ({ caseId: null }));
    router.push(next.caseId ? `/cases/${next.caseId}` : "/queue?done=1");
  };
  return <Loaded key={view.id} view={view} onDone={onDone} />;
}

function Loaded({ view, onDone }: { view: CaseView; onDone: () => Promise<void> }) {
  const t = useTranslations("workbench");
  const td = useTranslations("decision");
  const ts = useTranslations("shortcuts");
  const tl = useTranslations("labels");
  const errorText = useErrorText();
  const summarise = useDecisionSummary();
  const subjectLabel = useSubjectLabel(view);
  const ids = useMemo(() => view.candidates.map((c) => c.referenceId), [view]);
  const [draft, dispatch] = useReducer(reduceDraft, undefined, () => newDraft(view.kind, ids));
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [help, setHelp] = useState(false);
  const [enlarged, setEnlarged] = useState<GridSlot | null>(null);
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const canDecide = view.role !== "SUPERVISOR" || view.state === "CONFLICT";
  const candidate = view.candidates[draft.current];
  const check = checkDraft(draft);

  const send = useMutation({
    mutationFn: () =>
      apiFetch<{ outcome: string }>(`/api/cases/${view.id}/decision`, { method: "POST", json: (check as { decision: unknown }).decision }),
    onSuccess: () => onDone(),
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: td is stable for the page's language
  const review = useCallback(() => {
    const c = checkDraft(draft);
    if (!c.ready) return setProblem(problemText(td, c));
    setProblem(null);
    setConfirming(true);
  }, [draft]);
  const handlers = useMemo(
    () => ({
      dispatch,
      review,
      focusComment: () => commentRef.current?.focus(),
      toggleHelp: () => setHelp((h) => !h),
      enabled: canDecide && !confirming && enlarged === null,
    }),
    [review, canDecide, confirming, enlarged],
  );
  useWorkbenchKeys(handlers);

  const shown = [view.applicant, ...(candidate ? [candidate] : [])];
  const thumbnail = useSubjectThumbnails(
    view.id,
    shown.filter((s) => s.biometrics).map((s) => s.key),
  );
  const grids = shown.map((s) => gridSubject(s, subjectLabel(s), thumbnail));

  return (
    <main className="mx-auto max-w-[96rem] space-y-4 p-4" data-testid="workbench">
      <header className="flex flex-wrap items-baseline gap-4">
        <h1 className="text-xl font-semibold">{t("title", { kind: view.kind })}</h1>
        <span className="text-sm text-slate-600">{t("reviewAs", { role: view.role })}</span>
        <MosipClockNotice clock={view.clock} supersedes={view.supersedes} />
        <button type="button" onClick={() => setHelp((h) => !h)} className="ms-auto text-sm text-blue-700 underline">
          {t("shortcuts")}
        </button>
      </header>
      {help && (
        <dl className="grid grid-cols-2 gap-x-6 gap-y-1 rounded bg-white p-3 text-sm shadow-sm md:grid-cols-4" data-testid="shortcut-help">
          {SHORTCUTS.map(([k, what]) => (
            <div key={k} className="flex gap-2">
              <dt>
                <kbd className="rounded bg-slate-100 px-1">{k === "Enter" ? tl("enter") : k}</kbd>
              </dt>
              <dd>{ts(what)}</dd>
            </div>
          ))}
        </dl>
      )}
      {view.kind === "ADJUDICATION" && (
        <div role="tablist" aria-label={t("candidates")} className="flex flex-wrap gap-1">
          {view.candidates.map((c, i) => {
            const verdict = draft.candidates[i]?.duplicate;
            return (
              <button
                key={c.key}
                type="button"
                role="tab"
                aria-selected={i === draft.current}
                onClick={() => dispatch({ type: "select", index: i })}
                className={`rounded-t border px-3 py-1.5 text-sm ${i === draft.current ? "border-b-white bg-white font-semibold" : "bg-slate-100"}`}
              >
                {t("candidate", { n: i + 1 })} <span className="text-slate-500">{c.referenceId}</span>{" "}
                {verdict === true ? (
                  <span className="text-red-700">{t("markedDuplicate")}</span>
                ) : verdict === false ? (
                  <span className="text-green-700">{t("markedNotDuplicate")}</span>
                ) : null}
              </button>
            );
          })}
        </div>
      )}
      <div className="grid gap-4 xl:grid-cols-[1fr_22rem]">
        <div className="space-y-4">
          {shown.map((s) => (
            <Unavailable key={s.key} s={s} label={subjectLabel(s)} />
          ))}
          {view.applicant.demographics && (
            <section className="rounded bg-white p-3 shadow-sm" aria-label={t("demographics")}>
              <DemographicsTable
                applicant={{
                  title: t("subjectWithId", { subject: t("applicant"), id: view.applicant.referenceId }),
                  view: view.applicant.demographics,
                }}
                candidates={
                  candidate?.demographics
                    ? [
                        {
                          title: t("subjectWithId", { subject: subjectLabel(candidate), id: candidate.referenceId }),
                          view: candidate.demographics,
                        },
                      ]
                    : []
                }
              />
            </section>
          )}
          {grids[0] && (
            <section className="rounded bg-white p-3 shadow-sm" aria-label={t("biometrics")}>
              <BiometricGrid subjects={grids.filter((g): g is BiometricSubject => g !== null)} onOpen={setEnlarged} />
            </section>
          )}
          {view.kind === "VERIFICATION" && view.applicant.documents.length > 0 && (
            <section className="space-y-2 rounded bg-white p-3 shadow-sm" aria-label={t("documents")}>
              <h2 className="font-semibold">{t("documents")}</h2>
              {view.applicant.documents.map((d) => (
                <iframe
                  key={d.name}
                  title={d.name}
                  src={`/api/cases/${view.id}/subjects/applicant/documents/${encodeURIComponent(d.name)}`}
                  className="h-96 w-full rounded border"
                  sandbox=""
                />
              ))}
            </section>
          )}
        </div>
        <aside className="sticky top-4 space-y-3 self-start">
          {view.decisions.length > 0 && (
            <section className="rounded bg-white p-3 text-sm shadow-sm" aria-label={t("earlierDecisions")}>
              <h2 className="font-semibold">{t("earlierDecisions")}</h2>
              {view.decisions.map((d) => (
                <div key={d.level} className="mt-2">
                  <div className="font-medium">{t("decisionBy", { level: d.level, username: d.username })}</div>
                  <ul className="list-disc ps-5">
                    {summarise(
                      d.body as never,
                      view.candidates.map((_, i) => t("candidate", { n: i + 1 })),
                    ).map((l, i) => (
                      <li key={i}>{l}</li>
                    ))}
                  </ul>
                </div>
              ))}
            </section>
          )}
          {view.decisionsHidden && (
            <p role="note" className="rounded bg-amber-50 p-3 text-sm text-amber-900 shadow-sm">
              {t("blindNote")}
            </p>
          )}
          {canDecide ? (
            <DecisionPanel ref={commentRef} draft={draft} dispatch={dispatch} onReview={review} problem={problem} />
          ) : (
            <p className="rounded bg-white p-3 text-sm text-slate-600 shadow-sm">
              {t("supervisorView", { state: tl(`states.${view.state}` as never) })}
            </p>
          )}
        </aside>
      </div>
      {confirming && check.ready && (
        <ConfirmDialog
          lines={summarise(
            check.decision,
            view.candidates.map((c, i) => t("subjectWithRef", { subject: t("candidate", { n: i + 1 }), id: c.referenceId })),
          )}
          busy={send.isPending}
          error={send.error ? errorText(send.error) : null}
          onConfirm={() => send.mutate()}
          onCancel={() => setConfirming(false)}
        />
      )}
      {enlarged && (
        <CompareViewer
          label={tl(`slots.${enlarged}`)}
          panes={shown.map((s) => ({ title: subjectLabel(s), src: imageUrl(view.id, s, enlarged, "full") ?? null }))}
          onClose={() => setEnlarged(null)}
        />
      )}
    </main>
  );
}
