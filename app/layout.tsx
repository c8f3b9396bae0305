import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getMessages, getTranslations } from "next-intl/server";
import "./globals.css";
import { Providers } from "@/components/providers";
import { AppHeader } from "@/components/app-header";
import { DemoBanner } from "@/components/demo-banner";
import { IntlProvider } from "@/components/intl-provider";
import { getCurrentUser } from "@/lib/session/current-user";
import { isDemo } from "@/lib/session/is-demo";
import { uiLanguageOfRequest } from "@/i18n/ui-language";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return {
    title: t("title"),
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
}
export const dynamic = "force-dynamic";

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [user, demo, language, messages] = await Promise.all([getCurrentUser(), isDemo(), uiLanguageOfRequest(), getMessages()]);
  return (
    <html lang={language.tag} dir={language.dir}>
      <body>
        <IntlProvider locale={language.tag} messages={messages}>
          <Providers>
            {demo && <DemoBanner />}
            <AppHeader user={user} language={language} />
            {children}
          </Providers>
        </IntlProvider>
      </body>
    </html>
  );
}
