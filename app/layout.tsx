import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";
import { Providers } from "@/components/providers";
import { AppHeader } from "@/components/app-header";
import { DemoBanner } from "@/components/demo-banner";
import { getCurrentUser } from "@/lib/session/current-user";
import { isDemo } from "@/lib/session/is-demo";

export const metadata: Metadata = { title: "MOSIP Manual Adjudication" };
export const dynamic = "force-dynamic";

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [user, demo] = await Promise.all([getCurrentUser(), isDemo()]);
  return (
    <html lang="en">
      <body>
        <Providers>
          {demo && <DemoBanner />}
          <AppHeader user={user} />
          {children}
        </Providers>
      </body>
    </html>
  );
}
