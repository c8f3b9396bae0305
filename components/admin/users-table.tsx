"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useErrorText } from "@/components/use-error-text";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-fetch";
import { type Column, DataTable } from "@/components/data-table";
import type { UserRow } from "./types";

function useColumns(): Column<UserRow>[] {
  const t = useTranslations("users");
  const format = useFormatter();
  return [
    {
      header: t("columns.username"),
      cell: (u) => (
        <Link href={`/admin/users/${u.id}`} className="text-blue-700 underline">
          {u.username}
        </Link>
      ),
    },
    { header: t("columns.name"), cell: (u) => u.displayName },
    { header: t("columns.roles"), cell: (u) => u.roles.map((r) => t(`roleNames.${r}`)).join(t("listSeparator")) },
    {
      header: t("columns.reviewsAs"),
      cell: (u) => [u.canPrimary && t("primary"), u.canSecondary && t("secondary")].filter(Boolean).join(t("listSeparator")) || "—",
    },
    {
      header: t("columns.status"),
      cell: (u) =>
        !u.active ? (
          <span className="text-red-700">{t("status.deactivated")}</span>
        ) : u.lockedUntil ? (
          <span className="text-amber-700">{t("status.locked")}</span>
        ) : (
          t("status.active")
        ),
    },
    {
      header: t("columns.lastSignIn"),
      cell: (u) => (u.lastLoginAt ? format.dateTime(new Date(u.lastLoginAt), { dateStyle: "short", timeStyle: "medium" }) : t("never")),
    },
  ];
}

export function UsersTable() {
  const t = useTranslations("users");
  const errorText = useErrorText();
  const columns = useColumns();
  const { data, error, isPending } = useQuery({ queryKey: ["users"], queryFn: () => apiFetch<{ users: UserRow[] }>("/api/admin/users") });
  if (isPending) return <p className="text-slate-500">{t("loading")}</p>;
  if (error)
    return (
      <p role="alert" className="text-red-700">
        {errorText(error)}
      </p>
    );
  return (
    <DataTable
      data-testid="users-table"
      columns={columns}
      rows={data.users}
      rowKey={(u) => u.id}
      rowProps={(u) => ({ "data-testid": `user-row-${u.username}` })}
    />
  );
}
