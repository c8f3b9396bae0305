import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";
import { Providers } from "@/components/providers";
import { AppHeader } from "@/components/app-header";
import { DemoBanner } from "@/components/demo-banner";
import { getCurrentUser } from "@/lib/session/current-user";
import { isDemo } from "@/lib/session/is-demo";

export const metadata: Metadata = {
  title: "MOSIP Manual Adjudication",
  // public/favicon.ico is public/favicon.svg rendered at 16, 32 and 48 px, for browsers that do not take SVG icons.
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "32x32" },
      { url: "/favicon.svg", type: "image/svg+xml" },
    ],
  },
  // An internal government tool: never to be indexed (public/robots.txt says the same to crawlers).
  robots: { index: false, follow: false },
};
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
