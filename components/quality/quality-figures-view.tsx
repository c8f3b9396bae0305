"use client";
import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { BarChart } from "@/components/charts/bar-chart";
import { IntervalChart } from "@/components/charts/interval-chart";
import { DataTable } from "@/components/data-table";
import { useDuration, useSeconds } from "@/components/use-duration";
import { DECISION_TIME_BINS } from "@/lib/quality/agreement-figures";
import type { Kappa } from "@/lib/quality/cohen-kappa";
import type { QualityFigures } from "@/lib/quality/load-quality-figures";
import type { KnownAnswerFigures } from "@/lib/quality/operator-figures";
import type { Proportion } from "@/lib/quality/wilson-interval";

/** "80 % (49–94 %)" in the page's language, "—" without a case. */
export function useRate(): (p: Proportion) => string {
  const t = useTranslations("quality");
  const format = useFormatter();
  const pc = (v: number) => format.number(v, { style: "percent", maximumFractionDigits: 0 });
  return (p) =>
    p.rate === null || p.low === null || p.high === null ? "—" : t("rateInterval", { rate: pc(p.rate), low: pc(p.low), high: pc(p.high) });
}

function Section({ title, help, children, testId }: { title: string; help?: string; children: ReactNode; testId?: string }) {
  return (
    <section aria-label={title} className="break-inside-avoid rounded border border-slate-200 bg-white p-4" data-testid={testId}>
      <h2 className="font-semibold">{title}</h2>
      {help && <p className="mb-3 text-xs text-slate-600">{help}</p>}
      {children}
    </section>
  );
}

function Tile({ label, value, detail, testId }: { label: string; value: string; detail: string; testId: string }) {
  return (
    <div className="rounded border border-slate-200 bg-white p-3">
      <div className="text-2xl font-semibold tabular-nums" data-testid={testId}>
        {value}
      </div>
      <div className="text-xs font-medium text-slate-700">{label}</div>
      <div className="text-xs text-slate-500">{detail}</div>
    </div>
  );
}

/** A rate cell: the rate and its interval, and the count it rests on below. */
function RateCell({ p, unit }: { p: Proportion; unit: "cases" | "candidates" | "decisions" }) {
  const t = useTranslations("quality");
  const rate = useRate();
  return (
    <>
      <span className="tabular-nums">{rate(p)}</span>
      <span className="block text-xs text-slate-500">{t(`restsOn.${unit}`, { n: p.n })}</span>
    </>
  );
}

function KnownAnswerTable({ rows, testId }: { rows: KnownAnswerFigures[]; testId: string }) {
  const t = useTranslations("quality");
  return (
    <DataTable
      variant="panel"
      data-testid={testId}
      rows={rows}
      rowKey={(o) => o.userId}
      rowProps={(o) => ({ "data-testid": `${testId}-${o.username}` })}
      rowClassName="align-top"
      columns={[
        { header: t("columns.operator"), cell: (o) => o.username },
        { header: t("columns.decisions"), className: "tabular-nums", cell: (o) => o.decisions },
        {
          header: t("columns.accuracy"),
          cellProps: { "data-testid": "accuracy" },
          cell: (o) => <RateCell p={o.accuracy} unit="decisions" />,
        },
        { header: t("columns.falseDuplicate"), cell: (o) => <RateCell p={o.falseDuplicateRate} unit="candidates" /> },
        { header: t("columns.missedDuplicate"), cell: (o) => <RateCell p={o.missedDuplicateRate} unit="candidates" /> },
        { header: t("columns.cannotAdjudicate"), className: "tabular-nums", cell: (o) => o.cannotAdjudicate },
      ]}
    />
  );
}

/** κ to two decimals, "—" when chance explains everything (or nothing was rated). */
function useKappa(): (k: Kappa) => string {
  const format = useFormatter();
  return (k) => (k.kappa === null ? "—" : format.number(k.kappa, { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
}

/** Every figure of docs/quality.md for one period: the quality page and the printable report show the same. */
export function QualityFiguresView({ figures: f }: { figures: QualityFigures }) {
  const t = useTranslations("quality");
  const format = useFormatter();
  const rate = useRate();
  const kappa = useKappa();
  const seconds = useSeconds();
  const duration = useDuration();
  // Bounds of a minute or more in minutes ("≤2 min"), below it in seconds ("≤30 s").
  const bound = (s: number) => (s < 60 ? seconds(s) : duration(s / 60));
  const bins = DECISION_TIME_BINS.map((s) => t("bins.upTo", { time: bound(s) }));
  bins.push(t("bins.over", { time: bound(DECISION_TIME_BINS.at(-1)!) }));
  const interval = (rows: { username: string; p: Proportion; unit: "cases" | "candidates" | "decisions" }[]) =>
    rows.map((r) => ({
      label: r.username,
      rate: r.p.rate,
      low: r.p.low,
      high: r.p.high,
      text: r.p.n ? `${rate(r.p)} · ${t(`restsOn.${r.unit}`, { n: r.p.n })}` : "—",
    }));
  const a = f.agreement;
  return (
    <div className="space-y-4" data-testid="quality-figures">
      <div className="grid grid-cols-2 gap-2 md:grid-cols-4">
        <Tile
          label={t("kappaOverall")}
          value={kappa(a.overallKappa)}
          detail={t("items", { n: a.overallKappa.items })}
          testId="kappa-overall"
        />
        <Tile
          label={t("conflictRateOverall")}
          value={rate(a.conflictRate)}
          detail={t("restsOn.cases", { n: a.conflictRate.n })}
          testId="conflict-rate"
        />
        <Tile
          label={t("knownAnswerDecisions")}
          value={format.number(f.knownAnswers.reduce((s, o) => s + o.decisions, 0))}
          detail={t("operatorsCount", { n: f.knownAnswers.length })}
          testId="known-answer-decisions"
        />
        <Tile
          label={t("sampleReviews")}
          value={format.number(f.sampleReview.reduce((s, o) => s + o.errorRate.n, 0))}
          detail={t("sampleReviewsDetail")}
          testId="sample-review-decisions"
        />
      </div>

      <Section title={t("knownAnswers")} help={t("knownAnswersHelp")} testId="known-answers">
        {f.knownAnswers.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noKnownAnswers")}</p>
        ) : (
          <div className="space-y-4">
            <KnownAnswerTable rows={f.knownAnswers} testId="known-answer" />
            <div>
              <h3 className="mb-2 text-sm font-medium">{t("accuracyChart")}</h3>
              <IntervalChart
                label={t("accuracyChart")}
                color="#15803d"
                testId="accuracy-chart"
                data={interval(f.knownAnswers.map((o) => ({ username: o.username, p: o.accuracy, unit: "decisions" })))}
              />
            </div>
          </div>
        )}
      </Section>

      <Section title={t("agreement")} help={t("agreementHelp")} testId="agreement">
        <div className="grid gap-4 lg:grid-cols-2">
          <div>
            <h3 className="mb-1 text-sm font-medium">{t("kappaPairs")}</h3>
            {a.pairs.length === 0 ? (
              <p className="text-sm text-slate-600">{t("noPairs")}</p>
            ) : (
              <DataTable
                variant="panel"
                data-testid="kappa-pairs"
                rows={a.pairs}
                rowKey={(p) => `${p.a.userId}|${p.b.userId}`}
                rowProps={(p) => ({ "data-testid": `kappa-${p.a.username}-${p.b.username}` })}
                columns={[
                  { header: t("columns.pair"), cell: (p) => `${p.a.username} · ${p.b.username}` },
                  {
                    header: t("columns.kappa"),
                    className: "tabular-nums font-medium",
                    cellProps: { "data-testid": "kappa" },
                    cell: (p) => kappa(p),
                  },
                  { header: t("columns.items"), className: "tabular-nums", cell: (p) => p.items },
                  { header: t("columns.cases"), className: "tabular-nums", cell: (p) => p.cases },
                ]}
              />
            )}
          </div>
          <div>
            <h3 className="mb-1 text-sm font-medium">{t("conflicts")}</h3>
            {a.operators.length === 0 ? (
              <p className="text-sm text-slate-600">{t("noReviews")}</p>
            ) : (
              <DataTable
                variant="panel"
                data-testid="conflicts-by-operator"
                rows={a.operators}
                rowKey={(o) => o.userId}
                rowClassName="align-top"
                rowProps={(o) => ({ "data-testid": `agreement-${o.username}` })}
                columns={[
                  { header: t("columns.operator"), cell: (o) => o.username },
                  { header: t("columns.conflictRate"), cell: (o) => <RateCell p={o.conflictRate} unit="cases" /> },
                  { header: t("columns.overturned"), cell: (o) => <RateCell p={o.overturnedRate} unit="cases" /> },
                ]}
              />
            )}
          </div>
        </div>
      </Section>

      <Section title={t("decisionTimes")} help={t("decisionTimesHelp")} testId="decision-times">
        {a.operators.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noReviews")}</p>
        ) : (
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {a.operators.map((o) => (
              <figure key={o.userId} className="break-inside-avoid" data-testid={`decision-time-${o.username}`}>
                <figcaption className="text-sm font-medium">{o.username}</figcaption>
                <p className="text-xs text-slate-600">
                  {t("percentiles", { p50: seconds(o.decisionSeconds.p50), p90: seconds(o.decisionSeconds.p90), n: o.decisionSeconds.n })}
                </p>
                <BarChart
                  label={t("decisionTimeChart", { operator: o.username })}
                  height={110}
                  barWidth={44}
                  color="#2563eb"
                  data={o.decisionSeconds.histogram.map((count, i) => ({ label: bins[i], value: count }))}
                />
              </figure>
            ))}
          </div>
        )}
      </Section>

      <Section title={t("sampleReview")} help={t("sampleReviewHelp")} testId="sample-review-figures">
        {f.sampleReview.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noSampleReviews")}</p>
        ) : (
          <IntervalChart
            label={t("sampleReview")}
            color="#b91c1c"
            testId="sample-error-chart"
            data={interval(f.sampleReview.map((o) => ({ username: o.username, p: o.errorRate, unit: "decisions" })))}
          />
        )}
      </Section>

      {f.training.length > 0 && (
        <Section title={t("training")} help={t("trainingHelp")} testId="training-figures">
          <KnownAnswerTable rows={f.training} testId="training" />
        </Section>
      )}
    </div>
  );
}
