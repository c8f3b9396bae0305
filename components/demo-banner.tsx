import { getTranslations } from "next-intl/server";

export async function DemoBanner() {
  const t = await getTranslations("app");
  return (
    <div data-testid="demo-banner" className="bg-amber-400 px-4 py-1 text-center text-sm font-semibold text-amber-950">
      {t("demo")}
    </div>
  );
}
