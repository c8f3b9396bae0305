// Liveness: answers as long as the process does. No boot, no database, no session: a database outage must
// not make Kubernetes restart healthy pods (readiness takes them out of rotation instead).
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "alive" }, { headers: { "Cache-Control": "no-store" } });
}
