import Link from "next/link";

export function SupervisionNav({ current }: { current: "dashboard" | "cases" }) {
  const item = (key: typeof current, href: string, label: string) => (
    <Link
      href={href}
      aria-current={current === key ? "page" : undefined}
      className={`rounded px-3 py-1.5 text-sm ${current === key ? "bg-slate-800 text-white" : "text-slate-700 hover:bg-slate-200"}`}
    >
      {label}
    </Link>
  );
  return (
    <nav aria-label="Supervision" className="flex gap-1">
      {item("dashboard", "/supervision", "Dashboard")}
      {item("cases", "/supervision/cases", "Cases")}
    </nav>
  );
}
