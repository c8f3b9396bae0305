"use client";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-fetch";
import { type Column, DataTable } from "@/components/data-table";
import type { UserRow } from "./types";

const COLUMNS: Column<UserRow>[] = [
  {
    header: "Username",
    cell: (u) => (
      <Link href={`/admin/users/${u.id}`} className="text-blue-700 underline">
        {u.username}
      </Link>
    ),
  },
  { header: "Name", cell: (u) => u.displayName },
  { header: "Roles", cell: (u) => u.roles.join(", ") },
  { header: "Reviews as", cell: (u) => [u.canPrimary && "primary", u.canSecondary && "secondary"].filter(Boolean).join(", ") || "—" },
  {
    header: "Status",
    cell: (u) =>
      !u.active ? (
        <span className="text-red-700">deactivated</span>
      ) : u.lockedUntil ? (
        <span className="text-amber-700">locked</span>
      ) : (
        "active"
      ),
  },
  { header: "Last sign-in", cell: (u) => (u.lastLoginAt ? new Date(u.lastLoginAt).toLocaleString() : "never") },
];

export function UsersTable() {
  const { data, error, isPending } = useQuery({ queryKey: ["users"], queryFn: () => apiFetch<{ users: UserRow[] }>("/api/admin/users") });
  if (isPending) return <p className="text-slate-500">Loading users…</p>;
  if (error)
    return (
      <p role="alert" className="text-red-700">
        {error.message}
      </p>
    );
  return (
    <DataTable
      data-testid="users-table"
      columns={COLUMNS}
      rows={data.users}
      rowKey={(u) => u.id}
      rowProps={(u) => ({ "data-testid": `user-row-${u.username}` })}
    />
  );
}
