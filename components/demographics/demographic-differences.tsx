"use client";
import { useFormatter, useTranslations } from "next-intl";
import { compareDemographics, htmlLang, type DemographicField, type DemographicsView, type MatchStatus } from "@/lib/demographics";

/**
 * Differing fields shown with both values; beyond them the rest are named only, so that two unrelated people (every
 * field differs) keep the sheet within one scroll at 1366x768. Their values are in the full table (key I).
 */
const SHOWN_DIFFERENCES = 6;

/**
 * What differs between the applicant's and one candidate's identity data, field by field: the differing fields with
 * both values, then the fields missing on one side, then the fields that agree, by name only. The full table is
 * one key away (the workbench's identity dialog).
 */
export function DemographicDifferences({
  applicant,
  candidate,
  applicantTitle,
  candidateTitle,
  action,
}: {
  applicant: DemographicsView;
  candidate: DemographicsView | null;
  applicantTitle: string;
  candidateTitle: string;
  action?: React.ReactNode;
}) {
  const t = useTranslations("differences");
  const td = useTranslations("demographics");
  const format = useFormatter();
  const label = (key: string, fallback: string) => (td.has(`fields.${key}`) ? td(`fields.${key}`) : fallback);
  const rows = candidate ? compareDemographics(applicant, candidate) : [];
  const by = (s: MatchStatus) => rows.filter((r) => r.status === s);
  const field = (view: DemographicsView, key: string) => view.fields.find((f) => f.key === key);
  const allDifferent = by("different");
  const different = allDifferent.slice(0, SHOWN_DIFFERENCES);
  const moreDifferent = allDifferent.slice(SHOWN_DIFFERENCES);
  const missing = by("missingOnOneSide");
  const same = by("same").filter((r) => field(applicant, r.key)?.values.length || (candidate && field(candidate, r.key)?.values.length));
  return (
    <section aria-label={t("label")} className="rounded border border-slate-200 p-2 text-sm" data-testid="demographic-differences">
      <div className="mb-1 flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h3 className="font-semibold text-slate-700">{t("title", { candidate: candidateTitle })}</h3>
        {candidate && (
          <span className="text-xs text-slate-600">
            {t("counts", { different: allDifferent.length, missing: missing.length, same: same.length })}
          </span>
        )}
        <span className="ms-auto">{action}</span>
      </div>
      {!candidate ? (
        <p className="text-slate-500">{t("noCandidateData")}</p>
      ) : (
        // One grid for every row, so that the names and both sides' values line up.
        <dl className="grid grid-cols-[minmax(5rem,max-content)_minmax(0,1fr)_minmax(0,1fr)] gap-y-0.5">
          {different.length > 0 && (
            <div className="contents text-xs text-slate-600" aria-hidden="true">
              <span />
              <span className="px-1.5">{applicantTitle}</span>
              <span className="px-1.5">{candidateTitle}</span>
            </div>
          )}
          {different.map((r) => (
            <div key={r.key} data-field={r.key} data-status="different" className="contents">
              <dt className="rounded-s bg-amber-50 px-1.5 py-0.5 font-medium text-amber-950">
                {label(r.key, r.label)}
                <span className="sr-only"> {td("status.different")}</span>
              </dt>
              <dd className="min-w-0 bg-amber-50 px-1.5 py-0.5">
                <Values field={field(applicant, r.key)} />
              </dd>
              <dd className="min-w-0 rounded-e bg-amber-50 px-1.5 py-0.5">
                <Values field={field(candidate, r.key)} />
              </dd>
            </div>
          ))}
          {moreDifferent.length > 0 && (
            <div data-status="moreDifferent" className="contents">
              <dt className="px-1.5 font-medium text-amber-950">{t("alsoDifferent")}</dt>
              <dd className="col-span-2 px-1.5 text-slate-800">{format.list(moreDifferent.map((r) => label(r.key, r.label)))}</dd>
            </div>
          )}
          {missing.length > 0 && (
            <div data-status="missingOnOneSide" className="contents">
              <dt className="px-1.5 text-slate-600">{td("status.missingOnOneSide")}</dt>
              <dd className="col-span-2 px-1.5 text-slate-800">{format.list(missing.map((r) => label(r.key, r.label)))}</dd>
            </div>
          )}
          {same.length > 0 && (
            <div data-status="same" className="contents">
              <dt className="px-1.5 text-slate-600">{td("status.same")}</dt>
              <dd className="col-span-2 px-1.5 text-slate-800">{format.list(same.map((r) => label(r.key, r.label)))}</dd>
            </div>
          )}
        </dl>
      )}
    </section>
  );
}

/** A field's values on one side, one line per language, truncated: the full text is in the title and the full table. */
function Values({ field }: { field: DemographicField | undefined }) {
  if (!field || field.values.length === 0) return <span className="text-slate-400">—</span>;
  return (
    <span className="flex min-w-0 flex-wrap gap-x-3">
      {field.values.map((v, i) => (
        <span key={i} lang={v.language ? htmlLang(v.language) : undefined} dir={v.dir} title={v.text} className="max-w-full truncate">
          {v.text}
        </span>
      ))}
    </span>
  );
}
