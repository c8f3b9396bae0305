"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMutation, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-fetch";
import { DataTable } from "@/components/data-table";

interface CaseSummary {
  id: string;
  requestId: string;
  kind: "ADJUDICATION" | "VERIFICATION";
  state: string;
  candidateCount: number;
  receivedAt: string;
  deadlineAt: string | null;
  myLevel: "PRIMARY" | "SECONDARY" | null;
}

function age(iso: string, now: number): string {
  const m = Math.max(0, Math.round((now - Date.parse(iso)) / 60_000));
  return m < 60 ? `${m} min` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

function NextCaseButton() {
  const router = useRouter();
  const next = useMutation({
    mutationFn: () => apiFetch<{ caseId: string | null; message?: string }>("/api/cases/next", { method: "POST" }),
    onSuccess: (r) => r.caseId && router.push(`/cases/${r.caseId}`),
  });
  return (
    <div className="mb-4 flex items-center gap-3">
      <button
        type="button"
        onClick={() => next.mutate()}
        disabled={next.isPending}
        className="rounded bg-slate-800 px-4 py-2 font-medium text-white hover:bg-slate-700 disabled:opacity-60"
        data-testid="next-case"
      >
        Next case
      </button>
      {next.data && !next.data.caseId && (
        <span role="status" className="text-sm text-slate-600">
          No case is waiting for you.
        </span>
      )}
      {next.error && (
        <span role="alert" className="text-sm text-red-700">
          {next.error.message}
        </span>
      )}
    </div>
  );
}

export function MyQueue({ canReview }: { canReview: boolean }) {
  return (
    <>
      {canReview && <NextCaseButton />}
      <QueueTable />
    </>
  );
}

function QueueTable() {
  const { data, error, isPending, dataUpdatedAt } = useQuery({
    queryKey: ["cases", "mine"],
    queryFn: () => apiFetch<{ cases: CaseSummary[] }>("/api/cases?scope=mine"),
    refetchInterval: 10_000,
  });
  if (isPending) return <p className="text-slate-500">Loading your queue…</p>;
  if (error)
    return (
      <p role="alert" className="text-red-700">
        Could not load your queue: {error.message}
      </p>
    );
  if (data.cases.length === 0)
    return (
      <p data-testid="queue-empty" className="rounded border border-dashed border-slate-300 bg-white p-6 text-slate-600">
        No cases are assigned to you right now. New cases appear here by themselves.
      </p>
    );
  const now = dataUpdatedAt;
  return (
    <DataTable
      data-testid="queue-table"
      rows={data.cases}
      rowKey={(c) => c.id}
      columns={[
        {
          header: "Kind",
          cell: (c) => (
            <Link href={`/cases/${c.id}`} className="text-blue-700 underline">
              {c.kind === "ADJUDICATION" ? "Adjudication" : "Verification"}
            </Link>
          ),
        },
        { header: "Level", cell: (c) => c.myLevel?.toLowerCase() },
        { header: "Candidates", cell: (c) => c.candidateCount },
        { header: "Age", cell: (c) => age(c.receivedAt, now) },
        { header: "Time left", cell: (c) => (c.deadlineAt ? age(new Date(now).toISOString(), Date.parse(c.deadlineAt)) : "—") },
      ]}
    />
  );
}
