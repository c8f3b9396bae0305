import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/session/current-user";
import { PASSWORD_PAGE } from "@/lib/session/page-access";

// Everyone lands where their work is.
export default async function Home() {
  const user = await getCurrentUser();
  if (!user) redirect("/signin");
  if (user.mustChangePassword) redirect(PASSWORD_PAGE);
  if (user.permissions.includes("queue.own")) redirect("/queue");
  if (user.permissions.includes("users.read")) redirect("/admin");
  const t = await getTranslations("home");
  return (
    <main className="mx-auto max-w-xl p-8">
      <h1 className="text-2xl font-semibold">{t("welcome", { username: user.username })}</h1>
      <p className="mt-3 text-slate-700">{t("noRole")}</p>
    </main>
  );
}
