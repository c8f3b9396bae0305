"use client";
import { useTranslations } from "next-intl";
import {
  compareDemographics,
  htmlLang,
  type DemographicField,
  type DemographicsView,
  type FieldComparison,
  type MatchStatus,
} from "@/lib/demographics";

export interface DemographicsSubject {
  title: string;
  view: DemographicsView;
}

const ROW_TONE: Record<MatchStatus, string> = {
  same: "",
  different: "bg-amber-50",
  missingOnOneSide: "bg-slate-50",
};

/**
 * Applicant beside each candidate, field by field, every language shown
 * with its own direction. A row is highlighted when any candidate differs.
 */
export function DemographicsTable({ applicant, candidates }: { applicant: DemographicsSubject; candidates: DemographicsSubject[] }) {
  const t = useTranslations("demographics");
  const comparisons = candidates.map((c) => new Map(compareDemographics(applicant.view, c.view).map((r) => [r.key, r])));
  const keys = [...applicant.view.fields.map((f) => f.key)];
  for (const c of candidates) for (const f of c.view.fields) if (!keys.includes(f.key)) keys.push(f.key);
  const fieldOf = (view: DemographicsView, key: string) => view.fields.find((f) => f.key === key);

  return (
    <div className="flex flex-col gap-4">
      <table className="w-full border-collapse text-sm" data-testid="demographics-table">
        <thead>
          <tr>
            <th scope="col" className="w-48 border-b px-2 py-1 text-start font-medium text-slate-600">
              {t("field")}
            </th>
            {[applicant, ...candidates].map((s, i) => (
              <th key={i} scope="col" className="border-b px-2 py-1 text-start font-medium text-slate-600">
                {s.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => {
            const results = comparisons.map((m) => m.get(key)).filter((r): r is FieldComparison => r !== undefined);
            const worst: MatchStatus = results.some((r) => r.status === "different")
              ? "different"
              : results.some((r) => r.status === "missingOnOneSide")
                ? "missingOnOneSide"
                : "same";
            // MOSIP's default identity fields are named in the officer's language; others keep the schema's label.
            const label = t.has(`fields.${key}`) ? t(`fields.${key}`) : (fieldOf(applicant.view, key)?.label ?? results[0]?.label ?? key);
            return (
              <tr key={key} data-field={key} data-status={worst} className={["align-top", ROW_TONE[worst]].filter(Boolean).join(" ")}>
                <th scope="row" className="border-b px-2 py-1.5 text-start font-normal text-slate-700">
                  {label}
                </th>
                <td className="border-b px-2 py-1.5">
                  <Values field={fieldOf(applicant.view, key)} />
                </td>
                {candidates.map((c, i) => {
                  const status = comparisons[i].get(key)?.status ?? "same";
                  return (
                    <td key={i} className="border-b px-2 py-1.5" data-status={status}>
                      <div className="flex items-start gap-2">
                        <Values field={fieldOf(c.view, key)} />
                        {status !== "same" && (
                          <span
                            className={`ms-auto shrink-0 rounded px-1.5 py-0.5 text-xs ${status === "different" ? "bg-amber-200 text-amber-900" : "bg-slate-200 text-slate-700"}`}
                          >
                            {t(`status.${status}`)}
                          </span>
                        )}
                      </div>
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
      <References subjects={[applicant, ...candidates]} />
    </div>
  );
}

function Values({ field }: { field: DemographicField | undefined }) {
  if (!field || field.values.length === 0) return <span className="text-slate-500">—</span>;
  return (
    <div className="flex flex-col gap-0.5">
      {field.values.map((v, i) => (
        <div key={i} className="flex items-baseline gap-2">
          {/* lang + dir let the browser shape Arabic correctly and put RTL text on the right. */}
          <span lang={v.language ? htmlLang(v.language) : undefined} dir={v.dir} className={v.dir === "rtl" ? "text-right" : undefined}>
            {v.text}
          </span>
          {v.language && <span className="text-[10px] uppercase text-slate-600">{v.language}</span>}
        </div>
      ))}
    </div>
  );
}

function References({ subjects }: { subjects: DemographicsSubject[] }) {
  const t = useTranslations("demographics");
  if (subjects.every((s) => s.view.references.length === 0)) return null;
  return (
    <div className="grid gap-4 text-sm" style={{ gridTemplateColumns: `repeat(${subjects.length}, minmax(0, 1fr))` }}>
      {subjects.map((s, i) => (
        <div key={i}>
          <h4 className="mb-1 font-medium text-slate-600">{t("references", { subject: s.title })}</h4>
          <ul className="flex flex-col gap-0.5">
            {s.view.references.map((r) => (
              <li key={r.key} data-reference={r.key} className="text-slate-700">
                {r.label}
                <span className="ms-1 text-xs text-slate-500">
                  {[r.kind, r.type, r.format].filter(Boolean).join(" · ") || t("notProvided")}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
