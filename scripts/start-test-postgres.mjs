// For working on integration tests by hand: starts the test PostgreSQL and prints TEST_PG_URL.
// node scripts/start-test-postgres.mjs   → export TEST_PG_URL=… ; node scripts/run-node-tests.mjs integration
import { startPostgres } from "./lib/postgres.mjs";
const pg = await startPostgres(`.test-work/pg-manual-${process.pid}`);
console.log(`export TEST_PG_URL=postgresql://postgres@127.0.0.1:${pg.port}`);
