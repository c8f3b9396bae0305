export function NotAllowed({ needs }: { needs: string }) {
  return (
    <main className="mx-auto max-w-xl p-8" data-testid="not-allowed">
      <h1 className="text-2xl font-semibold text-red-800">Not allowed</h1>
      <p className="mt-3 text-slate-700">
        Your account does not have access to this page. It needs the permission <code className="rounded bg-slate-200 px-1">{needs}</code>.
      </p>
      <p className="mt-2 text-slate-700">If you need it for your work, ask an administrator.</p>
    </main>
  );
}
