/** The little the migration runner needs from either backend, kept apart from Prisma. */
export interface SqlExecutor {
  /** Runs one statement with parameters and returns its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements. */
  exec(sql: string): Promise<void>;
  /** Runs fn on one session that holds a lock, so that two app instances never migrate at once. */
  withMigrationLock<T>(fn: (session: Pick<SqlExecutor, "query" | "exec">) => Promise<T>): Promise<T>;
  /**
   * Runs fn unless another session (any process on this database) is running fn under the same name; then
   * returns false without running it. For periodic work that must run once per cluster.
   */
  runExclusive(name: string, fn: () => Promise<void>): Promise<boolean>;
}
