"use client";
import { useTranslations } from "next-intl";
import { ROLES, type RoleName } from "./types";

export function RoleCheckboxes({ value, onChange, idPrefix }: { value: RoleName[]; onChange: (r: RoleName[]) => void; idPrefix: string }) {
  const t = useTranslations("users");
  return (
    <fieldset className="flex gap-4">
      <legend className="mb-1 text-sm font-medium">{t("columns.roles")}</legend>
      {ROLES.map((r) => (
        <label key={r} className="flex items-center gap-1 text-sm" htmlFor={`${idPrefix}-${r}`}>
          <input
            id={`${idPrefix}-${r}`}
            type="checkbox"
            checked={value.includes(r)}
            onChange={(e) => onChange(e.target.checked ? [...value, r] : value.filter((x) => x !== r))}
          />
          {t(`roleNames.${r}`)}
        </label>
      ))}
    </fieldset>
  );
}
