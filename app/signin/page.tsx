import { Suspense } from "react";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/signin-form";
import { getCurrentUser } from "@/lib/session/current-user";
import { getEnv } from "@/lib/env/get-env";

export default async function SignInPage() {
  if (await getCurrentUser()) redirect("/");
  const oidc = getEnv().oidc;
  return (
    <main className="mx-auto mt-16 max-w-sm rounded-lg bg-white p-8 shadow">
      <h1 className="mb-6 text-xl font-semibold">Sign in</h1>
      <Suspense>
        <SignInForm oidcName={oidc?.name ?? null} />
      </Suspense>
    </main>
  );
}
