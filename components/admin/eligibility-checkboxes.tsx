"use client";
import { useTranslations } from "next-intl";

export function EligibilityCheckboxes(props: {
  primary: boolean;
  secondary: boolean;
  onChange: (v: { primary: boolean; secondary: boolean }) => void;
  idPrefix: string;
}) {
  const { primary, secondary, onChange, idPrefix } = props;
  const t = useTranslations("users");
  return (
    <fieldset className="flex gap-4">
      <legend className="mb-1 text-sm font-medium">{t("mayReviewAs")}</legend>
      <label className="flex items-center gap-1 text-sm" htmlFor={`${idPrefix}-primary`}>
        <input
          id={`${idPrefix}-primary`}
          type="checkbox"
          checked={primary}
          onChange={(e) => onChange({ primary: e.target.checked, secondary })}
        />
        {t("eligibility.primary")}
      </label>
      <label className="flex items-center gap-1 text-sm" htmlFor={`${idPrefix}-secondary`}>
        <input
          id={`${idPrefix}-secondary`}
          type="checkbox"
          checked={secondary}
          onChange={(e) => onChange({ primary, secondary: e.target.checked })}
        />
        {t("eligibility.secondary")}
      </label>
    </fieldset>
  );
}
