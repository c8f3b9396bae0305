"use client";
import { ROLES, type RoleName } from "./types";

export function RoleCheckboxes({ value, onChange, idPrefix }: { value: RoleName[]; onChange: (r: RoleName[]) => void; idPrefix: string }) {
  return (
    <fieldset className="flex gap-4">
      <legend className="mb-1 text-sm font-medium">Roles</legend>
      {ROLES.map((r) => (
        <label key={r} className="flex items-center gap-1 text-sm" htmlFor={`${idPrefix}-${r}`}>
          <input
            id={`${idPrefix}-${r}`}
            type="checkbox"
            checked={value.includes(r)}
            onChange={(e) => onChange(e.target.checked ? [...value, r] : value.filter((x) => x !== r))}
          />
          {r.charAt(0) + r.slice(1).toLowerCase()}
        </label>
      ))}
    </fieldset>
  );
}
