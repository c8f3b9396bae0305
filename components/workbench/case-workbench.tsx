"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useCallback, useMemo, useReducer, useRef, useState } from "react";
import { apiFetch } from "@/lib/client/api-fetch";
import type { CaseView, SubjectView } from "@/lib/cases/get-case-view";
import type { CasePageData } from "@/lib/cases/open-case-page";
import { MosipClockNotice } from "./mosip-clock-notice";
import type { GridSlot } from "@/lib/biometrics/grid";
import { checkDraft, newDraft, reduceDraft, type DraftCheck } from "@/lib/cases/decision-draft";
import { useErrorText } from "@/components/use-error-text";
import { useDecisionSummary } from "./use-decision-summary";
import { BiometricGrid, type BiometricSubject } from "@/components/biometrics/biometric-grid";
import { DemographicsTable } from "@/components/demographics/demographics-table";
import { DemographicDifferences } from "@/components/demographics/demographic-differences";
import type { SheetAid } from "@/components/biometrics/biometric-grid";
import { DecisionPanel } from "./decision-panel";
import { ComparisonAid } from "./comparison-aid";
import { IdentityDialog } from "./identity-dialog";
import { ConfirmDialog } from "./confirm-dialog";
import { HasteDialog, hasteFigures, type HasteFigures } from "./haste-dialog";
import { CompareViewer } from "./compare-viewer";
import { minutiaeUrl } from "./minutiae-overlay";
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
export function CaseWorkbench({ caseId, initial }: { caseId: string; initial?: CasePageData }) {
  const t = useTranslations("workbench");
  const errorText = useErrorText();
  const router = useRouter();
  const qc = useQueryClient();
  const {
    data: view,
    error,
    isPending,
    refetch,
    isFetching,
  } = useQuery({
    queryKey: ["case", caseId],
    queryFn: () => apiFetch<CaseView>(`/api/cases/${caseId}`),
    // The page's server render brought the case (open-case-page.ts): no second round trip for it.
    initialData: initial?.view,
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
  return (
    <Loaded
      key={view.id}
      view={view}
      initialThumbnails={initial?.thumbnails}
      onDone={onDone}
      onRefresh={() => void refetch()}
      refreshing={isFetching}
    />
  );
}

/** The scores of the shown candidate by finger position and the face band, shown between the two samples. */
function sheetAid(view: CaseView, candidateKey: string | undefined): SheetAid {
  const fc = view.fingerComparison;
  const evidence = fc.candidates.find((c) => c.candidateId === candidateKey);
  return {
    status: fc.status,
    matchScore: fc.thresholds.matchScore,
    strongScore: fc.thresholds.strongScore,
    fingers: Object.fromEntries((evidence?.fingers ?? []).map((f) => [f.position, { score: f.score, pairedMinutiae: f.pairedMinutiae }])),
    face: view.faceComparison.candidates.find((c) => c.candidateId === candidateKey),
  };
}

function Loaded({
  view,
  initialThumbnails,
  onDone,
  onRefresh,
  refreshing,
}: {
  view: CaseView;
  initialThumbnails?: CasePageData["thumbnails"];
  onDone: () => Promise<void>;
  onRefresh: () => void;
  refreshing: boolean;
}) {
  const t = useTranslations("workbench");
  const td = useTranslations("decision");
  const ta = useTranslations("aid");
  const tdiff = useTranslations("differences");
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
  const [identity, setIdentity] = useState(false);
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const canDecide = view.role !== "SUPERVISOR" || view.state === "CONFLICT";
  const candidate = view.candidates[draft.current];
  const check = checkDraft(draft);

  const [haste, setHaste] = useState<HasteFigures | null>(null);
  const send = useMutation({
    // hasteConfirmed only once the officer confirmed in the haste dialog (a decision faster than the case's minimum dwell).
    mutationFn: (hasteConfirmed: boolean) =>
      apiFetch<{ outcome: string }>(`/api/cases/${view.id}/decision`, {
        method: "POST",
        json: { ...(check as { decision: object }).decision, ...(hasteConfirmed ? { hasteConfirmed } : {}) },
      }),
    onSuccess: () => onDone(),
    // The haste dialog takes the confirmation's place; any other refusal is shown in the confirmation dialog.
    onError: (e) => setHaste(hasteFigures(e)),
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
      openIdentity: () => setIdentity(true),
      enabled: canDecide && !confirming && enlarged === null && !identity,
    }),
    [review, canDecide, confirming, enlarged, identity],
  );
  const interactive = useWorkbenchKeys(handlers);

  const shown = [view.applicant, ...(candidate ? [candidate] : [])];
  const thumbnail = useSubjectThumbnails(
    view.id,
    shown.filter((s) => s.biometrics).map((s) => s.key),
    initialThumbnails,
  );
  const grids = shown.map((s) => gridSubject(s, subjectLabel(s), thumbnail));
  const aid = view.fingerComparison;
  const rankOf = new Map(aid.status === "DONE" ? aid.candidates.map((c) => [c.candidateId, c.rank]) : []);
  const candidateName = (key: string) => t("candidate", { n: view.candidates.findIndex((c) => c.key === key) + 1 });
  const identityButton = view.applicant.demographics && (
    <button
      type="button"
      onClick={() => setIdentity(true)}
      className="min-h-11 rounded border border-slate-300 bg-white px-3 text-sm hover:bg-slate-50"
      data-testid="open-identity"
    >
      {tdiff("open")} <kbd className="text-xs text-slate-500">I</kbd>
    </button>
  );
  const differences =
    view.applicant.demographics &&
    (view.kind === "ADJUDICATION" ? (
      <DemographicDifferences
        applicant={view.applicant.demographics}
        candidate={candidate?.demographics ?? null}
        applicantTitle={t("applicant")}
        candidateTitle={candidate ? subjectLabel(candidate) : t("candidates")}
        action={identityButton}
      />
    ) : (
      <section className="rounded border border-slate-200 p-2" aria-label={t("demographics")}>
        <DemographicsTable
          applicant={{
            title: t("subjectWithId", { subject: t("applicant"), id: view.applicant.referenceId }),
            view: view.applicant.demographics,
          }}
          candidates={[]}
        />
      </section>
    ));
  const shortcutsButton = (
    <button type="button" onClick={() => setHelp((h) => !h)} className="ms-auto min-h-11 px-1 text-sm text-blue-700 underline">
      {t("shortcuts")}
    </button>
  );
  const present = grids.filter((g): g is BiometricSubject => g !== null);

  return (
    <main className="mx-auto max-w-[120rem] space-y-3 px-4 py-3" data-testid="workbench" data-interactive={interactive}>
      <header className="flex flex-wrap items-center gap-x-4 gap-y-1">
        <h1 className="text-xl font-semibold">{t("title", { kind: view.kind })}</h1>
        <span className="text-sm text-slate-600">{t("reviewAs", { role: view.role })}</span>
        <MosipClockNotice clock={view.clock} supersedes={view.supersedes} />
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
      <div className="grid gap-3 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-3">
          {view.kind === "ADJUDICATION" && (
            <div className="flex flex-wrap items-end gap-1">
              <div role="tablist" aria-label={t("candidates")} className="flex flex-wrap gap-1">
                {view.candidates.map((c, i) => {
                  const verdict = draft.candidates[i]?.duplicate;
                  const rank = rankOf.get(c.key);
                  return (
                    <button
                      key={c.key}
                      type="button"
                      role="tab"
                      aria-selected={i === draft.current}
                      onClick={() => dispatch({ type: "select", index: i })}
                      className={`min-h-11 rounded-t border px-3 py-0.5 text-start text-sm leading-tight ${i === draft.current ? "border-b-white bg-white font-semibold" : "bg-slate-100"}`}
                    >
                      {t("candidate", { n: i + 1 })}{" "}
                      {rank !== undefined && (
                        <span className="rounded bg-indigo-100 px-1 text-xs font-normal text-indigo-900">{ta("rank", { rank })}</span>
                      )}{" "}
                      {verdict === true ? (
                        <span className="text-red-700">{t("markedDuplicate")}</span>
                      ) : verdict === false ? (
                        <span className="text-green-800">{t("markedNotDuplicate")}</span>
                      ) : null}
                      <span className="block text-xs font-normal text-slate-600">{c.referenceId}</span>
                    </button>
                  );
                })}
              </div>
              {shortcutsButton}
            </div>
          )}
          {view.kind === "VERIFICATION" && shortcutsButton}
          {shown.map((s) => (
            <Unavailable key={s.key} s={s} label={subjectLabel(s)} />
          ))}
          {view.kind === "ADJUDICATION" && candidate && (
            <ComparisonAid
              aid={aid}
              candidateName={candidateName}
              current={candidate.key}
              onSelect={(key) => dispatch({ type: "select", index: view.candidates.findIndex((c) => c.key === key) })}
              onRefresh={onRefresh}
              refreshing={refreshing}
            />
          )}
          {present.length > 0 ? (
            <section className="rounded bg-white p-2 shadow-sm" aria-label={t("biometrics")}>
              <BiometricGrid subjects={present} aid={sheetAid(view, candidate?.key)} beside={differences} onOpen={setEnlarged} />
            </section>
          ) : (
            differences && <div className="rounded bg-white p-2 shadow-sm">{differences}</div>
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
        <aside className="space-y-3 self-start xl:sticky xl:top-3">
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
      {identity && view.applicant.demographics && (
        <IdentityDialog title={tdiff("dialogTitle")} onClose={() => setIdentity(false)}>
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
        </IdentityDialog>
      )}
      {confirming && check.ready && !haste && (
        <ConfirmDialog
          lines={summarise(
            check.decision,
            view.candidates.map((c, i) => t("subjectWithRef", { subject: t("candidate", { n: i + 1 }), id: c.referenceId })),
          )}
          busy={send.isPending}
          error={send.error ? errorText(send.error) : null}
          onConfirm={() => send.mutate(false)}
          onCancel={() => setConfirming(false)}
        />
      )}
      {confirming && haste && (
        <HasteDialog
          figures={haste}
          busy={send.isPending}
          onConfirm={() => send.mutate(true)}
          // Back to the confirmation (which takes the focus again), and from there to the case.
          onBack={() => {
            setHaste(null);
            send.reset();
          }}
        />
      )}
      {enlarged && (
        <CompareViewer
          slot={enlarged}
          panes={shown.map((s) => ({
            title: subjectLabel(s),
            src: imageUrl(view.id, s, enlarged, "full") ?? null,
            quality: s.biometrics?.cells.find((c) => c.slot === enlarged)?.qualityScore ?? null,
          }))}
          onClose={() => setEnlarged(null)}
          minutiaeUrl={candidate?.dataStatus === "AVAILABLE" ? minutiaeUrl(view.id, candidate.key, enlarged) : null}
        />
      )}
    </main>
  );
}
