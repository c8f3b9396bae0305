import { NotAllowed } from "@/components/not-allowed";
import { SimulatorPanel } from "@/components/simulator-panel";
import { pageAccess } from "@/lib/session/page-access";

export default async function SimulatorPage() {
  const access = await pageAccess("integration.operate", "/admin/simulator");
  if (!access.allowed) return <NotAllowed needs={access.needs} />;
  return (
    <main className="mx-auto max-w-5xl space-y-4 p-6">
      <h1 className="text-2xl font-semibold">MOSIP simulator</h1>
      <p className="text-sm text-slate-600">
        Synthetic people only. Requests go through the same intake, downloads and outbox as real MOSIP traffic.
      </p>
      <SimulatorPanel />
    </main>
  );
}
