"use client";
import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/signin" })}
      className="rounded px-2 py-1 text-sm text-slate-200 hover:bg-slate-700"
    >
      Sign out
    </button>
  );
}
