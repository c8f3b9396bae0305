"use client";
import { useTranslations } from "next-intl";
import { useErrorText } from "@/components/use-error-text";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { apiFetch } from "@/lib/client/api-fetch";
import { DataTable } from "@/components/data-table";
import type { RoleName } from "./types";

interface RolesData {
  roles: { role: RoleName; permissions: string[] }[];
  permissions: { name: string; description: string }[];
}

export function RolePermissionsEditor() {
  const t = useTranslations("roles");
  const tu = useTranslations("users");
  const errorText = useErrorText();
  const qc = useQueryClient();
  const { data, error, isPending } = useQuery({ queryKey: ["roles"], queryFn: () => apiFetch<RolesData>("/api/admin/roles") });
  // Ticks the admin has set whose save has not come back yet: shown at once, over whatever the server last said,
  // until the refetch after the save reports the stored state (a refused change then shows as it really is).
  const [pending, setPending] = useState<Record<string, boolean>>({});
  const save = useMutation({
    mutationFn: ({ role, permissions }: { role: RoleName; permissions: string[]; key: string }) =>
      apiFetch(`/api/admin/roles/${role}`, { method: "PUT", json: { permissions } }),
    onSettled: async (_d, _e, v) => {
      await qc.invalidateQueries({ queryKey: ["roles"] });
      setPending(({ [v.key]: _done, ...rest }) => rest);
    },
  });
  if (isPending) return <p className="text-slate-500">{t("loading")}</p>;
  if (error)
    return (
      <p role="alert" className="text-red-700">
        {errorText(error)}
      </p>
    );

  const holds = (role: RoleName, permission: string) =>
    pending[`${role} ${permission}`] ?? data!.roles.find((r) => r.role === role)!.permissions.includes(permission);

  function toggle(role: RoleName, permission: string, on: boolean) {
    const key = `${role} ${permission}`;
    const permissions = data!.permissions.map((p) => p.name).filter((p) => (p === permission ? on : holds(role, p)));
    setPending((p) => ({ ...p, [key]: on }));
    save.mutate({ role, permissions, key });
  }
  return (
    <div className="space-y-3">
      {save.error && (
        <p role="alert" className="rounded bg-red-50 p-2 text-sm text-red-800">
          {errorText(save.error)}
        </p>
      )}
      <DataTable
        rows={data.permissions}
        rowKey={(p) => p.name}
        columns={[
          {
            key: "permission",
            header: t("permission"),
            cell: (p) => (
              <>
                <code>{p.name}</code>
                <div className="text-slate-500">{t.has(`descriptions.${p.name}`) ? t(`descriptions.${p.name}`) : p.description}</div>
              </>
            ),
          },
          ...data.roles.map((r) => ({
            key: r.role,
            header: tu(`roleNames.${r.role}`),
            align: "center" as const,
            cell: (p: RolesData["permissions"][number]) => (
              <input
                type="checkbox"
                aria-label={`${r.role} ${p.name}`}
                checked={holds(r.role, p.name)}
                disabled={save.isPending}
                onChange={(e) => toggle(r.role, p.name, e.target.checked)}
              />
            ),
          })),
        ]}
      />
    </div>
  );
}
