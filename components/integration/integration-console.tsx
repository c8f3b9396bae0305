"use client";
import { useState } from "react";
import { StatusPanel } from "./status-panel";
import { InboxTable } from "./inbox-table";
import { IntakeErrors } from "./intake-errors";
import { DatashareFailures } from "./datashare-failures";
import { OutboxTable } from "./outbox-table";

const TABS = [
  { key: "outbox", label: "Outbox" },
  { key: "inbox", label: "Inbox" },
  { key: "errors", label: "Intake errors" },
  { key: "datashare", label: "Datashare failures" },
] as const;
type Tab = (typeof TABS)[number]["key"];

/** The admin integration page: broker status on top, then the four lists as tabs. */
export function IntegrationConsole({ canOperate, canViewBody }: { canOperate: boolean; canViewBody: boolean }) {
  const [tab, setTab] = useState<Tab>("outbox");
  return (
    <div className="space-y-4">
      <StatusPanel />
      <div role="tablist" className="flex gap-1 border-b border-slate-300">
        {TABS.map((t) => (
          <button
            key={t.key}
            type="button"
            role="tab"
            aria-selected={tab === t.key}
            onClick={() => setTab(t.key)}
            className={`rounded-t px-3 py-1.5 text-sm ${tab === t.key ? "border border-b-white border-slate-300 bg-white font-medium" : "text-slate-600 hover:bg-slate-100"}`}
          >
            {t.label}
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
