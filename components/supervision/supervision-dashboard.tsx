"use client";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useErrorText } from "@/components/use-error-text";
import { useDuration, useSeconds } from "@/components/use-duration";
import { apiFetch } from "@/lib/client/api-fetch";
import type { CaseBrief, Dashboard } from "@/lib/supervision/load-dashboard";
import { BarChart } from "@/components/charts/bar-chart";
import { StackedBar } from "@/components/charts/stacked-bar";
import { DonutChart } from "@/components/charts/donut-chart";
import { DataTable } from "@/components/data-table";
import { reviewHolder } from "@/lib/cases/case-lifecycle";
import { minutesBetween } from "./format";
import { ResentMark } from "./resent-mark";
import { WorkLimitsPanel } from "./work-limits-panel";

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
  const t = useTranslations("dashboard");
  const tl = useTranslations("labels");
  const format = useFormatter();
  const errorText = useErrorText();
  const duration = useDuration();
  const seconds = useSeconds();
  const { data, error, isPending, dataUpdatedAt } = useQuery({
    queryKey: ["supervision", "dashboard"],
    queryFn: () => apiFetch<Dashboard>("/api/supervision/dashboard"),
    refetchInterval: REFRESH_MS,
  });
  if (isPending) return <p className="text-slate-500">{t("loading")}</p>;
  if (error)
    return (
      <p role="alert" className="text-red-700">
        {t("loadError", { error: errorText(error) })}
      </p>
    );
  const s = data.states;
  const now = Date.parse(data.generatedAt);
  const agreement = data.last7Days.agreement;
  return (
    <div className="space-y-4" data-testid="supervision-dashboard">
      <p className="text-xs text-slate-500">
        {t("updated", { time: format.dateTime(new Date(dataUpdatedAt), { timeStyle: "medium" }), seconds: REFRESH_MS / 1000 })}
      </p>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-8">
        <Tile label={tl("states.FETCHING")} value={s.waitingForData} testId="count-waiting" />
        <Tile
          label={tl("states.DATA_UNAVAILABLE")}
          value={s.dataUnavailable}
          testId="count-data-unavailable"
          tone={s.dataUnavailable ? "amber" : "slate"}
        />
        <Tile label={tl("states.READY")} value={s.ready} testId="count-ready" />
        <Tile label={tl("states.IN_PRIMARY")} value={s.inPrimary} testId="count-in-primary" />
        <Tile
          label={
            s.awaitingSecondaryAssignee
              ? t("inSecondaryUnassigned", { state: tl("states.IN_SECONDARY"), count: s.awaitingSecondaryAssignee })
              : tl("states.IN_SECONDARY")
          }
          value={s.inSecondary}
          testId="count-in-secondary"
        />
        <Tile label={tl("states.CONFLICT")} value={s.conflict} testId="count-conflict" tone={s.conflict ? "amber" : "slate"} />
        <Tile label={tl("states.ANSWERED")} value={s.answered} testId="count-answered" />
        <Tile label={t("failed")} value={s.failed} testId="count-failed" tone={s.failed ? "red" : "slate"} />
      </div>
      <Panel title={t("byState")}>
        <StackedBar
          label={t("byState")}
          testId="states-chart"
          segments={[
            { label: tl("states.FETCHING"), value: s.waitingForData, color: "#94a3b8" },
            { label: tl("states.DATA_UNAVAILABLE"), value: s.dataUnavailable, color: "#f59e0b" },
            { label: tl("states.READY"), value: s.ready, color: "#38bdf8" },
            { label: tl("states.IN_PRIMARY"), value: s.inPrimary, color: "#2563eb" },
            { label: tl("states.IN_SECONDARY"), value: s.inSecondary, color: "#7c3aed" },
            { label: tl("states.CONFLICT"), value: s.conflict, color: "#dc2626" },
            { label: tl("states.DECIDED"), value: s.decided, color: "#16a34a" },
          ]}
        />
      </Panel>

      <div className="grid gap-4 lg:grid-cols-2">
        <Panel title={t("deadlines")} testId="deadlines">
          {data.oldestOpen ? (
            <p className="mb-3 text-sm" data-testid="oldest-open">
              {t.rich("oldest", {
                case: () => <CaseLink key="case" c={data.oldestOpen!} />,
                state: tl(`states.${data.oldestOpen.state}`),
                waited: duration(minutesBetween(data.oldestOpen.receivedAt, now)),
              })}
            </p>
          ) : (
            <p className="mb-3 text-sm text-slate-600">{t("noOpen")}</p>
          )}
          <h3 className="mb-1 text-sm font-medium">{t("nearDeadline", { minutes: data.deadlineWarningMinutes })}</h3>
          {data.nearDeadline.length === 0 ? (
            <p className="text-sm text-slate-600">{t("none")}</p>
          ) : (
            <DataTable
              variant="panel"
              data-testid="near-deadline"
              rows={data.nearDeadline}
              rowKey={(c) => c.id}
              rowBorders={false}
              rowClassName={(c) => (-minutesBetween(c.deadlineAt!, now) < 0 ? "bg-red-50 text-red-900" : "bg-amber-50")}
              columns={[
                {
                  header: t("columns.case"),
                  cell: (c) => (
                    <>
                      <CaseLink c={c} />
                      {c.resent && <ResentMark resent={c.resent} />}
                    </>
                  ),
                },
                { header: t("columns.state"), cell: (c) => tl(`states.${c.state}`) },
                {
                  header: t("columns.heldBy"),
                  cell: (c) => reviewHolder(c.state, c.primaryAssignee, c.secondaryAssignee) ?? "—",
                },
                {
                  header: t("columns.timeLeft"),
                  className: "font-medium",
                  cell: (c) => {
                    const left = -minutesBetween(c.deadlineAt!, now);
                    return left < 0 ? t("overdue", { duration: duration(-left) }) : duration(left);
                  },
                },
              ]}
            />
          )}
        </Panel>
        <Panel title={t("conflicts")} testId="conflicts">
          {data.conflicts.length === 0 ? (
            <p className="text-sm text-slate-600">{t("noConflicts")}</p>
          ) : (
            <DataTable
              variant="panel"
              rows={data.conflicts}
              rowKey={(c) => c.id}
              rowProps={() => ({ "data-testid": "conflict-row" })}
              columns={[
                { header: t("columns.case"), cell: (c) => <CaseLink c={c} /> },
                { header: t("columns.kind"), cell: (c) => tl(`kinds.${c.kind}`) },
                { header: t("columns.primary"), cell: (c) => c.primaryAssignee },
                { header: t("columns.secondary"), cell: (c) => c.secondaryAssignee },
                { header: t("columns.age"), cell: (c) => duration(minutesBetween(c.receivedAt, now)) },
                {
                  cell: (c) => (
                    <Link href={`/cases/${c.id}`} className="rounded bg-slate-800 px-2 py-0.5 text-xs text-white">
                      {t("resolve")}
                    </Link>
                  ),
                },
              ]}
            />
          )}
        </Panel>
      </div>

      <div className="grid gap-4 lg:grid-cols-2">
        <Panel title={t("perHour")}>
          <BarChart
            testId="per-hour-chart"
            label={t("perHourLabel")}
            every={3}
            data={data.decidedPerHour.map((b) => ({
              label: format.dateTime(new Date(b.start), { hour: "2-digit", hourCycle: "h23" }),
              title: format.dateTime(new Date(b.start), { dateStyle: "medium", timeStyle: "short" }),
              value: b.count,
            }))}
          />
        </Panel>
        <Panel title={t("perDay")}>
          <BarChart
            testId="per-day-chart"
            label={t("perDayLabel")}
            every={2}
            color="#2563eb"
            data={data.decidedPerDay.map((b) => ({ label: b.start.slice(5), title: b.start, value: b.count }))}
          />
        </Panel>
      </div>

      <Panel title={t("last7")} testId="outcomes">
        <div className="grid gap-4 sm:grid-cols-3">
          <div>
            <div className="text-2xl font-semibold" data-testid="median-time">
              {seconds(data.last7Days.medianSecondsToDecide)}
            </div>
            <div className="text-xs text-slate-600">{t("medianTime", { count: data.last7Days.profiles })}</div>
          </div>
          <div>
            <div className="text-2xl font-semibold" data-testid="agreement-rate">
              {agreement.rate === null ? "—" : format.number(agreement.rate, { style: "percent" })}
            </div>
            <div className="text-xs text-slate-600">{t("agreement", { agreed: agreement.agreed, count: agreement.reviewed })}</div>
          </div>
          <DonutChart
            label={t("decisions")}
            size={110}
            testId="decisions-chart"
            segments={[
              { label: t("outcomes.NOT_DUPLICATE"), value: data.last7Days.decisions.NOT_DUPLICATE ?? 0, color: "#16a34a" },
              { label: t("outcomes.DUPLICATE"), value: data.last7Days.decisions.DUPLICATE ?? 0, color: "#dc2626" },
              { label: t("outcomes.APPROVE"), value: data.last7Days.decisions.APPROVE ?? 0, color: "#0ea5e9" },
              { label: t("outcomes.REJECT"), value: data.last7Days.decisions.REJECT ?? 0, color: "#f97316" },
              { label: t("outcomes.RESEND"), value: data.last7Days.decisions.RESEND ?? 0, color: "#94a3b8" },
            ]}
          />
        </div>
      </Panel>

      <WorkLimitsPanel />

      <Panel title={t("workload")} testId="workload">
        <DataTable
          variant="panel"
          rows={data.workload}
          rowKey={(o) => o.userId}
          rowProps={(o) => ({ "data-testid": `workload-${o.username}` })}
          columns={[
            {
              header: t("columns.operator"),
              cell: (o) => (
                <>
                  {o.username}
                  {!o.active && <span className="ms-1 text-xs text-slate-500">{t("inactive")}</span>}
                </>
              ),
            },
            {
              header: t("columns.open"),
              cell: (o) => {
                const open = o.openPrimary + o.openSecondary;
                return (
                  <>
                    <span className="tabular-nums">
                      {o.openPrimary} / {o.openSecondary}
                    </span>
                    <span aria-hidden className="ms-2 inline-block h-2 w-20 rounded bg-slate-100 align-middle">
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
              header: t("columns.cap"),
              cell: (o) => (
                <>
                  {o.effectiveCap}
                  {o.caseCap === null && <span className="text-xs text-slate-500"> {t("defaultCap")}</span>}
                </>
              ),
            },
            {
              header: t("columns.decisions24h"),
              className: "tabular-nums",
              cell: (o) => (
                <>
                  {o.decisions24h.PRIMARY} / {o.decisions24h.SECONDARY} / {o.decisions24h.SUPERVISOR}
                </>
              ),
            },
            {
              header: t("columns.decisions7d"),
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
