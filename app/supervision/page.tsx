import { NotAllowed } from "@/components/not-allowed";
import { SupervisionDashboard } from "@/components/supervision/supervision-dashboard";
import { SupervisionNav } from "@/components/supervision/supervision-nav";
import { pageAccess } from "@/lib/session/page-access";

export default async function SupervisionPage() {
  const access = await pageAccess("cases.viewAll", "/supervision");
  if (!access.allowed) return <NotAllowed needs={access.needs} />;
  return (
    <main className="mx-auto max-w-6xl space-y-4 p-6">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">Supervision</h1>
        <SupervisionNav current="dashboard" />
      </div>
      <SupervisionDashboard />
      {access.user.permissions.includes("analytics.export") && (
        <p className="text-sm text-slate-600">
          Anonymous profiles for Kibana:{" "}
          <a className="text-blue-700 underline" href="/api/supervision/profiles.ndjson">
            NDJSON
          </a>{" "}
          ·{" "}
          <a className="text-blue-700 underline" href="/api/supervision/profiles.ndjson?format=bulk">
            Elasticsearch bulk
          </a>
        </p>
      )}
    </main>
  );
}
