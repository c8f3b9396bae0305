/**
 * What one MAS process may run (MAS_PROCESS_ROLES), so that web instances and the queue, download and publisher
 * workers scale apart. docs/configuration.md has the table of what each role starts.
 */
export const PROCESS_ROLES = ["web", "intake", "worker", "publisher"] as const;
export type ProcessRole = (typeof PROCESS_ROLES)[number];
