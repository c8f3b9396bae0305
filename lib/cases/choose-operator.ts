export interface OperatorLoad {
  userId: string;
  username: string;
  /** Open cases assigned to them now (either level). */
  openCases: number;
  /** Their own cap, or null for the installation default. */
  cap: number | null;
  lastAssignedAt: Date | null;
}

/**
 * Least loaded first, then whoever waited longest since their last assignment, then by name so the
 * choice is stable. Operators at their cap and excluded users (the case's primary, for four eyes) are skipped.
 */
export function chooseOperator(
  pool: readonly OperatorLoad[],
  opts: { defaultCap: number; exclude?: readonly string[] },
): OperatorLoad | null {
  const excluded = new Set(opts.exclude ?? []);
  const open = pool.filter((o) => !excluded.has(o.userId) && o.openCases < (o.cap ?? opts.defaultCap));
  open.sort(
    (a, b) =>
      a.openCases - b.openCases ||
      (a.lastAssignedAt?.getTime() ?? 0) - (b.lastAssignedAt?.getTime() ?? 0) ||
      a.username.localeCompare(b.username),
  );
  return open[0] ?? null;
}
