import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/session/current-user";
import { PASSWORD_PAGE } from "@/lib/session/page-access";

// Everyone lands where their work is.
export default async function Home() {
  const user = await getCurrentUser();
  if (!user) redirect("/signin");
  if (user.mustChangePassword) redirect(PASSWORD_PAGE);
  if (user.permissions.includes("queue.own")) redirect("/queue");
  if (user.permissions.includes("users.read")) redirect("/admin");
  return (
    <main className="mx-auto max-w-xl p-8">
      <h1 className="text-2xl font-semibold">Welcome, {user.username}</h1>
      <p className="mt-3 text-slate-700">Your account has no role with work in this system yet. Ask an administrator to give you one.</p>
    </main>
  );
}
