"use client";
import Link from "next/link";
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useErrorText } from "@/components/use-error-text";
import { useDuration } from "@/components/use-duration";
import { apiFetch } from "@/lib/client/api-fetch";
import { ALL_STATES as STATES, reviewHolder } from "@/lib/cases/case-lifecycle";
import { DataTable } from "@/components/data-table";
import type { CaseSummary } from "@/lib/cases/list-cases";
import type { OperatorWorkload } from "@/lib/supervision/load-dashboard";
import type { BulkOutcome } from "@/lib/cases/bulk-reassign";
import { minutesBetween } from "./format";
import { ResentMark } from "./resent-mark";

interface Filters {
  state: string;
  kind: string;
  operator: string;
  minAgeMinutes: string;
  rid: string;
}
const EMPTY: Filters = { state: "", kind: "", operator: "", minAgeMinutes: "", rid: "" };

function toQuery(f: Filters): string {
  const p = new URLSearchParams({ scope: "all", limit: "200" });
  for (const [k, v] of Object.entries(f)) if (v.trim()) p.set(k, v.trim());
  return p.toString();
}

const input = "rounded border border-slate-300 bg-white px-2 py-1 text-sm";

/** Minutes until MOSIP's deadline (negative when overdue), or null: a deadline only matters while MOSIP is still waiting for the answer. */
function minutesLeft(c: CaseSummary, now: number): number | null {
  const open = !["DECIDED", "ANSWERED", "SUPERSEDED"].includes(c.state);
  return c.deadlineAt && open ? -minutesBetween(c.deadlineAt, now) : null;
}

/**
 * Search every case and act on them: bulk reassignment to one operator and release back to the pool, both
 * with a reason that goes into the audit log. A RID search is only run when asked (the button), since each one
 * is audited as a look-up of a person.
 */
export function CaseHandling({ canReassign }: { canReassign: boolean }) {
  const t = useTranslations("cases");
  const tl = useTranslations("labels");
  const format = useFormatter();
  const errorText = useErrorText();
  const duration = useDuration();
  const qc = useQueryClient();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [target, setTarget] = useState("");
  const [reason, setReason] = useState("");
  const [outcomes, setOutcomes] = useState<Map<string, string>>(new Map());

  const cases = useQuery({
    queryKey: ["supervision", "cases", filters],
    queryFn: () => apiFetch<{ cases: CaseSummary[] }>(`/api/cases?${toQuery(filters)}`),
    // A RID search is audited per request: do not repeat it behind the supervisor's back.
    refetchInterval: filters.rid ? false : 15_000,
  });
  const operators = useQuery({
    queryKey: ["supervision", "operators"],
    queryFn: () => apiFetch<{ operators: OperatorWorkload[] }>("/api/supervision/operators"),
    refetchInterval: 30_000,
  });

  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ["supervision"] });
  };
  const bulk = useMutation({
    mutationFn: () =>
      apiFetch<{ moved: number; failed: number; results: BulkOutcome[] }>("/api/supervision/bulk-reassign", {
        method: "POST",
        json: { caseIds: [...selected], userId: target, reason },
      }),
    onSuccess: (r) => {
      setOutcomes(
        new Map(
          r.results.map((o) => [o.caseId, o.ok ? t("reassigned", { level: tl(`levels.${o.level}`) }) : t("notMoved", { error: o.error })]),
        ),
      );
      setSelected(new Set());
      refresh();
    },
  });
  const release = useMutation({
    mutationFn: (caseId: string) =>
      apiFetch<{ level: string }>(`/api/supervision/cases/${caseId}/release`, { method: "POST", json: { reason } }),
    onSuccess: (r, caseId) => {
      setOutcomes((m) => new Map(m).set(caseId, t("released", { level: tl(`levels.${r.level}`) })));
      refresh();
    },
    onError: (e, caseId) => setOutcomes((m) => new Map(m).set(caseId, t("notReleased", { error: errorText(e) }))),
  });

  const rows = cases.data?.cases ?? [];
  const now = cases.dataUpdatedAt || Date.now();
  const toggle = (id: string) =>
    setSelected((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });

  return (
    <div className="space-y-4">
      {/* biome-ignore lint/a11y/useSemanticElements: role=search on the form names the landmark in every browser in use (<search> is newer) */}
      <form
        role="search"
        aria-label={t("find")}
        className="flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-3"
        onSubmit={(e) => {
          e.preventDefault();
          setFilters(draft);
          setOutcomes(new Map());
        }}
      >
        <label className="text-sm">
          <span className="block text-xs text-slate-600">{t("state")}</span>
          <select className={input} value={draft.state} onChange={(e) => setDraft({ ...draft, state: e.target.value })}>
            <option value="">{t("any")}</option>
            {STATES.map((s) => (
              <option key={s} value={s}>
                {s === "RECEIVED" || s === "FETCHING" ? t(`waiting.${s}`) : tl(`states.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="block text-xs text-slate-600">{t("kind")}</span>
          <select className={input} value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value })}>
            <option value="">{t("any")}</option>
            <option value="ADJUDICATION">{tl("kinds.ADJUDICATION")}</option>
            <option value="VERIFICATION">{tl("kinds.VERIFICATION")}</option>
          </select>
        </label>
        <label className="text-sm">
          <span className="block text-xs text-slate-600">{t("operator")}</span>
          <select className={input} value={draft.operator} onChange={(e) => setDraft({ ...draft, operator: e.target.value })}>
            <option value="">{t("anyone")}</option>
            {operators.data?.operators.map((o) => (
              <option key={o.userId} value={o.userId}>
                {o.username}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="block text-xs text-slate-600">{t("olderThan")}</span>
          <input
            className={`${input} w-28`}
            inputMode="numeric"
            pattern="[0-9]*"
            value={draft.minAgeMinutes}
            onChange={(e) => setDraft({ ...draft, minAgeMinutes: e.target.value })}
          />
        </label>
        <label className="text-sm">
          <span className="block text-xs text-slate-600">{t("rid")}</span>
          <input
            className={`${input} w-64 font-mono`}
            value={draft.rid}
            onChange={(e) => setDraft({ ...draft, rid: e.target.value })}
            autoComplete="off"
          />
        </label>
        <button type="submit" className="rounded bg-slate-800 px-3 py-1.5 text-sm font-medium text-white">
          {t("search")}
        </button>
        <button
          type="button"
          className="rounded px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100"
          onClick={() => {
            setDraft(EMPTY);
            setFilters(EMPTY);
          }}
        >
          {t("clear")}
        </button>
      </form>

      {canReassign && (
        <section aria-label={t("act")} className="flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-3">
          <label className="text-sm">
            <span className="block text-xs text-slate-600">{t("reason")}</span>
            <input className={`${input} w-80`} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
          </label>
          <label className="text-sm">
            <span className="block text-xs text-slate-600">{t("reassignTo")}</span>
            <select className={input} value={target} onChange={(e) => setTarget(e.target.value)}>
              <option value="">{t("chooseOperator")}</option>
              {operators.data?.operators
                .filter((o) => o.active)
                .map((o) => (
                  <option key={o.userId} value={o.userId}>
                    {t("operatorOption", {
                      username: o.username,
                      open: o.openPrimary + o.openSecondary,
                      cap: o.effectiveCap,
                      only: !o.canPrimary ? "secondary" : !o.canSecondary ? "primary" : "none",
                    })}
                  </option>
                ))}
            </select>
          </label>
          <button
            type="button"
            disabled={!selected.size || !target || !reason.trim() || bulk.isPending}
            onClick={() => bulk.mutate()}
            className="rounded bg-blue-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50"
          >
            {t("reassign", { count: selected.size })}
          </button>
          {bulk.data && (
            <span role="status" className="text-sm">
              {t("bulkResult", { moved: bulk.data.moved, failed: bulk.data.failed })}
            </span>
          )}
          {bulk.error && (
            <span role="alert" className="text-sm text-red-700">
              {errorText(bulk.error)}
            </span>
          )}
        </section>
      )}

      {outcomes.size > 0 && (
        // Kept apart from the table: after a move the case may no longer match the filter and leave the list.
        <ul role="status" aria-label={t("results")} className="rounded border border-slate-200 bg-white p-3 text-sm" data-testid="outcomes">
          {[...outcomes].map(([id, text]) => (
            <li key={id}>
              <Link href={`/cases/${id}`} className="font-mono text-xs text-blue-700 underline">
                {id.slice(0, 8)}
              </Link>
              {t("outcome", { text })}
            </li>
          ))}
        </ul>
      )}

      {cases.isPending ? (
        <p className="text-slate-500">{t("loading")}</p>
      ) : cases.error ? (
        <p role="alert" className="text-red-700">
          {t("loadError", { error: errorText(cases.error) })}
        </p>
      ) : rows.length === 0 ? (
        <p className="rounded border border-dashed border-slate-300 bg-white p-6 text-slate-600" data-testid="no-cases">
          {t("noMatch")}
        </p>
      ) : (
        <DataTable
          data-testid="cases-table"
          rows={rows}
          rowKey={(c) => c.id}
          rowProps={(c) => ({ "data-testid": `case-row-${c.id}` })}
          columns={[
            canReassign && {
              key: "select",
              header: (
                <input
                  type="checkbox"
                  aria-label={t("selectAll")}
                  checked={selected.size > 0 && selected.size === rows.length}
                  onChange={(e) => setSelected(new Set(e.target.checked ? rows.map((r) => r.id) : []))}
                />
              ),
              cell: (c) => (
                <input
                  type="checkbox"
                  aria-label={t("selectCase", { id: c.id.slice(0, 8) })}
                  checked={selected.has(c.id)}
                  onChange={() => toggle(c.id)}
                />
              ),
            },
            {
              key: "case",
              header: t("columns.case"),
              cell: (c) => (
                <>
                  <Link href={`/cases/${c.id}`} className="font-mono text-xs text-blue-700 underline">
                    {c.id.slice(0, 8)}
                  </Link>
                  {c.resent && <ResentMark resent={c.resent} />}
                </>
              ),
            },
            {
              key: "kind",
              header: t("columns.kind"),
              cell: (c) =>
                c.kind === "ADJUDICATION"
                  ? t("adjudicationWithCount", { kind: tl("kinds.ADJUDICATION"), count: c.candidateCount })
                  : tl("kinds.VERIFICATION"),
            },
            {
              key: "state",
              header: t("columns.state"),
              cellProps: { "data-testid": "case-state" },
              cell: (c) => (
                <>
                  {tl.has(`states.${c.state}`) ? tl(`states.${c.state}`) : c.state}
                  {c.dataRetry && (
                    <span className="block text-xs text-amber-700" data-testid="case-data-retry">
                      {t("retrying", {
                        since: format.dateTime(new Date(c.dataRetry.since), { timeStyle: "medium" }),
                        count: c.dataRetry.attempts,
                        code: c.dataRetry.code ?? "?",
                      })}
                    </span>
                  )}
                </>
              ),
            },
            {
              key: "primary",
              header: t("columns.primary"),
              cellProps: { "data-testid": "case-primary" },
              cell: (c) => c.primaryAssignee?.username ?? "—",
            },
            {
              key: "secondary",
              header: t("columns.secondary"),
              cellProps: { "data-testid": "case-secondary" },
              cell: (c) => c.secondaryAssignee?.username ?? "—",
            },
            { key: "age", header: t("columns.age"), cell: (c) => duration(minutesBetween(c.receivedAt, now)) },
            {
              key: "left",
              header: t("columns.timeLeft"),
              className: (c) => {
                const left = minutesLeft(c, now);
                return left !== null && left < 0 ? "text-red-700" : undefined;
              },
              cell: (c) => {
                const left = minutesLeft(c, now);
                return left === null ? "—" : left < 0 ? t("overdue", { duration: duration(-left) }) : duration(left);
              },
            },
            {
              key: "actions",
              className: "text-end",
              cell: (c) => {
                const releasable = reviewHolder(c.state, c.primaryAssignee, c.secondaryAssignee) !== null;
                return (
                  canReassign &&
                  releasable && (
                    <button
                      type="button"
                      disabled={!reason.trim() || release.isPending}
                      onClick={() => release.mutate(c.id)}
                      className="rounded border border-slate-300 px-2 py-0.5 text-xs disabled:opacity-50"
                      title={reason.trim() ? t("releaseTitle") : t("reasonFirst")}
                    >
                      {t("release")}
                    </button>
                  )
                );
              },
            },
          ]}
        />
      )}
    </div>
  );
}
