"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-fetch";
import type { RoleName } from "./types";

interface RolesData {
  roles: { role: RoleName; permissions: string[] }[];
  permissions: { name: string; description: string }[];
}

export function RolePermissionsEditor() {
  const qc = useQueryClient();
  const { data, error, isPending } = useQuery({ queryKey: ["roles"], queryFn: () => apiFetch<RolesData>("/api/admin/roles") });
  const save = useMutation({
    mutationFn: ({ role, permissions }: { role: RoleName; permissions: string[] }) => apiFetch(`/api/admin/roles/${role}`, { method: "PUT", json: { permissions } }),
    // A refused change (e.g. the ADMIN guard) is rolled back by the refetch.
    onSettled: () => qc.invalidateQueries({ queryKey: ["roles"] }),
  });
  if (isPending) return <p className="text-slate-500">Loading…</p>;
  if (error) return <p role="alert" className="text-red-700">{error.message}</p>;

  function toggle(role: RoleName, permission: string, on: boolean) {
    const current = data!.roles.find((r) => r.role === role)!.permissions;
    const permissions = on ? [...current, permission] : current.filter((p) => p !== permission);
    // Show the tick in the same render as the click, and keep an in-flight refetch from painting the old state over it.
    void qc.cancelQueries({ queryKey: ["roles"] });
    qc.setQueryData<RolesData>(["roles"], (old) => old && { ...old, roles: old.roles.map((r) => (r.role === role ? { ...r, permissions } : r)) });
    save.mutate({ role, permissions });
  }
  return (
    <div className="space-y-3">
      {save.error && <p role="alert" className="rounded bg-red-50 p-2 text-sm text-red-800">{save.error.message}</p>}
      <table className="w-full border-collapse bg-white text-sm">
        <thead>
          <tr className="border-b text-left text-slate-500">
            <th className="p-2">Permission</th>
            {data.roles.map((r) => (
              <th key={r.role} className="p-2 text-center">
                {r.role.charAt(0) + r.role.slice(1).toLowerCase()}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.permissions.map((p) => (
            <tr key={p.name} className="border-b">
              <td className="p-2">
                <code>{p.name}</code>
                <div className="text-slate-500">{p.description}</div>
              </td>
              {data.roles.map((r) => (
                <td key={r.role} className="p-2 text-center">
                  <input
                    type="checkbox"
                    aria-label={`${r.role} ${p.name}`}
                    checked={r.permissions.includes(p.name)}
                    disabled={save.isPending}
                    onChange={(e) => toggle(r.role, p.name, e.target.checked)}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
