export function DemoBanner() {
  return (
    <div data-testid="demo-banner" className="bg-amber-400 px-4 py-1 text-center text-sm font-semibold text-amber-950">
      Demo: embedded database and demo users. Not for real personal data.
    </div>
  );
}
