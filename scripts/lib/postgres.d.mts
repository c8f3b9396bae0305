export function freePort(): Promise<number>;

export interface TestPostgres {
  port: number;
  /** Creates a database; returns its postgresql:// URL. */
  createDb(name: string): string;
  stop(): void;
}

/** Starts a fresh private PostgreSQL server whose data lives in workDir (wiped first). */
export function startPostgres(workDir: string): Promise<TestPostgres>;
export function pgBin(): string;
