import { Suspense } from "react";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/signin-form";
import { getCurrentUser } from "@/lib/session/current-user";
import { getEnv } from "@/lib/env/get-env";

export default async function SignInPage() {
  if (await getCurrentUser()) redirect("/");
  const oidc = getEnv().oidc;
  return (
    <main className="mx-auto mt-16 max-w-sm rounded-lg bg-white p-8 shadow">
      <h1 className="mb-6 text-xl font-semibold">{(await getTranslations("signin"))("title")}</h1>
      <Suspense>
        <SignInForm oidcName={oidc?.name ?? null} />
      </Suspense>
    </main>
  );
}
