import { getTranslations } from "next-intl/server";
import { NotAllowed } from "@/components/not-allowed";
import { MyQueue } from "@/components/my-queue";
import { pageAccess } from "@/lib/session/page-access";

export default async function QueuePage() {
  const access = await pageAccess("queue.own", "/queue");
  if (!access.allowed) return <NotAllowed needs={access.needs} />;
  return (
    <main className="mx-auto max-w-6xl p-6">
      <h1 className="mb-4 text-2xl font-semibold">{(await getTranslations("queue"))("title")}</h1>
      <MyQueue canReview={access.user.permissions.includes("cases.review")} />
    </main>
  );
}
