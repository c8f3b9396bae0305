import { getTranslations } from "next-intl/server";

/** `needs`: a permission name, or "assignment" for a case the user is not assigned to. */
export async function NotAllowed({ needs }: { needs: string }) {
  const t = await getTranslations("notAllowed");
  const code = (
    <code key="needs" className="rounded bg-slate-200 px-1">
      {needs}
    </code>
  );
  return (
    <main className="mx-auto max-w-xl p-8" data-testid="not-allowed">
      <h1 className="text-2xl font-semibold text-red-800">{t("title")}</h1>
      <p className="mt-3 text-slate-700">
        {needs === "assignment" ? t("needsAssignment") : t.rich("needsPermission", { permission: () => code })}
      </p>
      <p className="mt-2 text-slate-700">{t("askAdmin")}</p>
    </main>
  );
}
