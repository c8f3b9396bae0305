// Two servers on consecutive ports; E2E_PORT_BASE moves them so that two work trees can run e2e at once.
const base = Number(process.env.E2E_PORT_BASE ?? 3101);
if (!Number.isInteger(base) || base < 1024 || base > 65000) throw new Error(`E2E_PORT_BASE must be a port number, got ${base}`);

export const PG_PORT = base;
export const EMBEDDED_PORT = base + 1;
export const PG_URL = `http://localhost:${PG_PORT}`;
export const EMBEDDED_URL = `http://localhost:${EMBEDDED_PORT}`;
