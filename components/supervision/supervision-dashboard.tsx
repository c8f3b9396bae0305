"use client";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-fetch";
import type { CaseBrief, Dashboard } from "@/lib/supervision/load-dashboard";
import { BarChart } from "@/components/charts/bar-chart";
import { StackedBar } from "@/components/charts/stacked-bar";
import { DonutChart } from "@/components/charts/donut-chart";
import { DataTable } from "@/components/data-table";
import { reviewHolder } from "@/lib/cases/case-lifecycle";
import { duration, minutesBetween, seconds, STATE_LABELS } from "./format";

const REFRESH_MS = 15_000;

function Tile({
  label,
  value,
  testId,
  tone = "slate",
  href,
}: {
  label: string;
  value: number;
  testId: string;
  tone?: "slate" | "amber" | "red";
  href?: string;
}) {
  const colors = { slate: "border-slate-200", amber: "border-amber-400 bg-amber-50", red: "border-red-400 bg-red-50" }[tone];
  const body = (
    <>
      <div className="text-2xl font-semibold tabular-nums" data-testid={testId}>
        {value}
      </div>
      <div className="text-xs text-slate-600">{label}</div>
    </>
  );
  return <div className={`rounded border bg-white p-3 ${colors}`}>{href ? <Link href={href}>{body}</Link> : body}</div>;
}

function Panel({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  return (
    <section aria-label={title} className="rounded border border-slate-200 bg-white p-4" data-testid={testId}>
      <h2 className="mb-3 font-semibold">{title}</h2>
      {children}
    </section>
  );
}

function CaseLink({ c }: { c: CaseBrief }) {
  return (
    <Link href={`/cases/${c.id}`} className="font-mono text-xs text-blue-700 underline">
      {c.id.slice(0, 8)}
    </Link>
  );
}

/** The supervisor's overview, refreshed every 15 s. Holds no personal data: ids, states, times, usernames of staff. */
export function SupervisionDashboard() {
  const { data, error, isPending, dataUpdatedAt } = useQuery({
    queryKey: ["supervision", "dashboard"],
    queryFn: () => apiFetch<Dashboard>("/api/supervision/dashboard"),
    refetchInterval: REFRESH_MS,
  });
  if (isPending) return <p className="text-slate-500">Loading the dashboard…</p>;
  if (error)
    return (
      <p role="alert" className="text-red-700">
        Could not load the dashboard: {error.message}
      </p>
    );
  const s = data.states;
  const now = Date.parse(data.generatedAt);
  const agreement = data.last7Days.agreement;
  return (
    <div className="space-y-4" data-testid="supervision-dashboard">
      <p className="text-xs text-slate-500">
        Updated {new Date(dataUpdatedAt).toLocaleTimeString()} · refreshes every {REFRESH_MS / 1000} s
      </p>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-8">
        <Tile label="Waiting for data" value={s.waitingForData} testId="count-waiting" />
        <Tile
          label="Data unavailable"
          value={s.dataUnavailable}
          testId="count-data-unavailable"
          tone={s.dataUnavailable ? "amber" : "slate"}
        />
        <Tile label="Ready" value={s.ready} testId="count-ready" />
        <Tile label="In primary review" value={s.inPrimary} testId="count-in-primary" />
        <Tile
          label={`In secondary review${s.awaitingSecondaryAssignee ? ` (${s.awaitingSecondaryAssignee} unassigned)` : ""}`}
          value={s.inSecondary}
          testId="count-in-secondary"
        />
        <Tile label="In conflict" value={s.conflict} testId="count-conflict" tone={s.conflict ? "amber" : "slate"} />
        <Tile label="Answered" value={s.answered} testId="count-answered" />
        <Tile label="Failed responses" value={s.failed} testId="count-failed" tone={s.failed ? "red" : "slate"} />
      </div>
      <Panel title="Open cases by state">
        <StackedBar
          label="Open cases by state"
          testId="states-chart"
          segments={[
            { label: "Waiting for data", value: s.waitingForData, color: "#94a3b8" },
            { label: "Data unavailable", value: s.dataUnavailable, color: "#f59e0b" },
            { label: "Ready", value: s.ready, color: "#38bdf8" },
            { label: "In primary", value: s.inPrimary, color: "#2563eb" },
            { label: "In secondary", value: s.inSecondary, color: "#7c3aed" },
            { label: "In conflict", value: s.conflict, color: "#dc2626" },
            { label: "Decided, sending", value: s.decided, color: "#16a34a" },
          ]}
        />
      </Panel>

      <div className="grid gap-4 lg:grid-cols-2">
        <Panel title="Deadlines" testId="deadlines">
          {data.oldestOpen ? (
            <p className="mb-3 text-sm" data-testid="oldest-open">
              Oldest open case: <CaseLink c={data.oldestOpen} /> ({STATE_LABELS[data.oldestOpen.state]}), waiting{" "}
              {duration(minutesBetween(data.oldestOpen.receivedAt, now))}.
            </p>
          ) : (
            <p className="mb-3 text-sm text-slate-600">No open cases.</p>
          )}
          <h3 className="mb-1 text-sm font-medium">Within {data.deadlineWarningMinutes} min of MOSIP&apos;s deadline, or past it</h3>
          {data.nearDeadline.length === 0 ? (
            <p className="text-sm text-slate-600">None.</p>
          ) : (
            <DataTable
              variant="panel"
              data-testid="near-deadline"
              rows={data.nearDeadline}
              rowKey={(c) => c.id}
              rowBorders={false}
              rowClassName={(c) => (-minutesBetween(c.deadlineAt!, now) < 0 ? "bg-red-50 text-red-900" : "bg-amber-50")}
              columns={[
                { header: "Case", cell: (c) => <CaseLink c={c} /> },
                { header: "State", cell: (c) => STATE_LABELS[c.state] },
                {
                  header: "Held by",
                  cell: (c) => reviewHolder(c.state, c.primaryAssignee, c.secondaryAssignee) ?? "—",
                },
                {
                  header: "Time left",
                  className: "font-medium",
                  cell: (c) => {
                    const left = -minutesBetween(c.deadlineAt!, now);
                    return left < 0 ? `overdue ${duration(-left)}` : duration(left);
                  },
                },
              ]}
            />
          )}
        </Panel>
        <Panel title="Conflicts queue" testId="conflicts">
          {data.conflicts.length === 0 ? (
            <p className="text-sm text-slate-600">No disagreements are waiting.</p>
          ) : (
            <DataTable
              variant="panel"
              rows={data.conflicts}
              rowKey={(c) => c.id}
              rowProps={() => ({ "data-testid": "conflict-row" })}
              columns={[
                { header: "Case", cell: (c) => <CaseLink c={c} /> },
                { header: "Kind", cell: (c) => (c.kind === "ADJUDICATION" ? "Adjudication" : "Verification") },
                { header: "Primary", cell: (c) => c.primaryAssignee },
                { header: "Secondary", cell: (c) => c.secondaryAssignee },
                { header: "Age", cell: (c) => duration(minutesBetween(c.receivedAt, now)) },
                {
                  cell: (c) => (
                    <Link href={`/cases/${c.id}`} className="rounded bg-slate-800 px-2 py-0.5 text-xs text-white">
                      Resolve
                    </Link>
                  ),
                },
              ]}
            />
          )}
        </Panel>
      </div>

      <div className="grid gap-4 lg:grid-cols-2">
        <Panel title="Decided per hour (last 24 h)">
          <BarChart
            testId="per-hour-chart"
            label="Cases decided per hour"
            every={3}
            data={data.decidedPerHour.map((b) => ({
              label: new Date(b.start).getHours().toString().padStart(2, "0"),
              title: new Date(b.start).toLocaleString(),
              value: b.count,
            }))}
          />
        </Panel>
        <Panel title="Decided per day (last 14 days, from anonymous profiles)">
          <BarChart
            testId="per-day-chart"
            label="Cases decided per day"
            every={2}
            color="#2563eb"
            data={data.decidedPerDay.map((b) => ({ label: b.start.slice(5), title: b.start, value: b.count }))}
          />
        </Panel>
      </div>

      <Panel title="Last 7 days (from anonymous profiles)" testId="outcomes">
        <div className="grid gap-4 sm:grid-cols-3">
          <div>
            <div className="text-2xl font-semibold" data-testid="median-time">
              {seconds(data.last7Days.medianSecondsToDecide)}
            </div>
            <div className="text-xs text-slate-600">median time from receipt to decision, over {data.last7Days.profiles} case(s)</div>
          </div>
          <div>
            <div className="text-2xl font-semibold" data-testid="agreement-rate">
              {agreement.rate === null ? "—" : `${Math.round(agreement.rate * 100)} %`}
            </div>
            <div className="text-xs text-slate-600">
              primary and secondary agreed in {agreement.agreed} of {agreement.reviewed} case(s) reviewed twice
            </div>
          </div>
          <DonutChart
            label="Decisions"
            size={110}
            testId="decisions-chart"
            segments={[
              { label: "Not duplicate", value: data.last7Days.decisions.NOT_DUPLICATE ?? 0, color: "#16a34a" },
              { label: "Duplicate", value: data.last7Days.decisions.DUPLICATE ?? 0, color: "#dc2626" },
              { label: "Approved", value: data.last7Days.decisions.APPROVE ?? 0, color: "#0ea5e9" },
              { label: "Rejected", value: data.last7Days.decisions.REJECT ?? 0, color: "#f97316" },
              { label: "Resend", value: data.last7Days.decisions.RESEND ?? 0, color: "#94a3b8" },
            ]}
          />
        </div>
      </Panel>

      <Panel title="Workload per operator" testId="workload">
        <DataTable
          variant="panel"
          rows={data.workload}
          rowKey={(o) => o.userId}
          rowProps={(o) => ({ "data-testid": `workload-${o.username}` })}
          columns={[
            {
              header: "Operator",
              cell: (o) => (
                <>
                  {o.username}
                  {!o.active && <span className="ml-1 text-xs text-slate-500">(inactive)</span>}
                </>
              ),
            },
            {
              header: "Open (primary / secondary)",
              cell: (o) => {
                const open = o.openPrimary + o.openSecondary;
                return (
                  <>
                    <span className="tabular-nums">
                      {o.openPrimary} / {o.openSecondary}
                    </span>
                    <span aria-hidden className="ml-2 inline-block h-2 w-20 rounded bg-slate-100 align-middle">
                      <span
                        className={`block h-2 rounded ${open >= o.effectiveCap ? "bg-red-500" : "bg-slate-600"}`}
                        style={{ width: `${Math.min(100, (open / o.effectiveCap) * 100)}%` }}
                      />
                    </span>
                  </>
                );
              },
            },
            {
              header: "Cap",
              cell: (o) => (
                <>
                  {o.effectiveCap}
                  {o.caseCap === null && <span className="text-xs text-slate-500"> (default)</span>}
                </>
              ),
            },
            {
              header: "Decisions 24 h (P / S / Sup)",
              className: "tabular-nums",
              cell: (o) => (
                <>
                  {o.decisions24h.PRIMARY} / {o.decisions24h.SECONDARY} / {o.decisions24h.SUPERVISOR}
                </>
              ),
            },
            {
              header: "Decisions 7 days (P / S / Sup)",
              className: "tabular-nums",
              cell: (o) => (
                <>
                  {o.decisions7d.PRIMARY} / {o.decisions7d.SECONDARY} / {o.decisions7d.SUPERVISOR}
                </>
              ),
            },
          ]}
        />
      </Panel>
    </div>
  );
}
