"use client";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-fetch";
import type { UserRow } from "./types";

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
    <table className="w-full border-collapse bg-white text-sm" data-testid="users-table">
      <thead>
        <tr className="border-b text-left text-slate-500">
          <th className="p-2">Username</th>
          <th className="p-2">Name</th>
          <th className="p-2">Roles</th>
          <th className="p-2">Reviews as</th>
          <th className="p-2">Status</th>
          <th className="p-2">Last sign-in</th>
        </tr>
      </thead>
      <tbody>
        {data.users.map((u) => (
          <tr key={u.id} className="border-b" data-testid={`user-row-${u.username}`}>
            <td className="p-2">
              <Link href={`/admin/users/${u.id}`} className="text-blue-700 underline">
                {u.username}
              </Link>
            </td>
            <td className="p-2">{u.displayName}</td>
            <td className="p-2">{u.roles.join(", ")}</td>
            <td className="p-2">{[u.canPrimary && "primary", u.canSecondary && "secondary"].filter(Boolean).join(", ") || "—"}</td>
            <td className="p-2">
              {!u.active ? (
                <span className="text-red-700">deactivated</span>
              ) : u.lockedUntil ? (
                <span className="text-amber-700">locked</span>
              ) : (
                "active"
              )}
            </td>
            <td className="p-2">{u.lastLoginAt ? new Date(u.lastLoginAt).toLocaleString() : "never"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
