"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { StatusPanel } from "./status-panel";
import { InboxTable } from "./inbox-table";
import { IntakeErrors } from "./intake-errors";
import { DatashareFailures } from "./datashare-failures";
import { OutboxTable } from "./outbox-table";

const TABS = ["outbox", "inbox", "errors", "datashare"] as const;
type Tab = (typeof TABS)[number];

/** The admin integration page: broker status on top, then the four lists as tabs. */
export function IntegrationConsole({ canOperate, canViewBody }: { canOperate: boolean; canViewBody: boolean }) {
  const t = useTranslations("integration");
  const [tab, setTab] = useState<Tab>("outbox");
  return (
    <div className="space-y-4">
      <StatusPanel />
      <div role="tablist" className="flex gap-1 border-b border-slate-300">
        {TABS.map((key) => (
          <button
            key={key}
            type="button"
            role="tab"
            aria-selected={tab === key}
            onClick={() => setTab(key)}
            className={`rounded-t px-3 py-1.5 text-sm ${tab === key ? "border border-b-white border-slate-300 bg-white font-medium" : "text-slate-600 hover:bg-slate-100"}`}
          >
            {t(`tabs.${key}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel">
        {tab === "outbox" && <OutboxTable canOperate={canOperate} canViewBody={canViewBody} />}
        {tab === "inbox" && <InboxTable />}
        {tab === "errors" && <IntakeErrors />}
        {tab === "datashare" && <DatashareFailures canOperate={canOperate} />}
      </div>
    </div>
  );
}
