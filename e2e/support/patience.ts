// How long the e2e tests wait for something to happen. Tests wait for events (a state in the database, an element
// on screen), never for a fixed time; these are only ceilings, set for a slow or shared machine rather than a fast
// one, so that a loaded CI runner does not fail a test that would pass a little later. Each ceiling fails with a
// message saying what did not happen; the per-test timeout in playwright.config.ts is above all of them, so it is
// never the first thing to break.

/** Simulated cases: packets synthesised, requests sent, datashares downloaded and the cases READY. */
export const CASES_READY_CEILING_MS = 5 * 60_000;
/** One step of the application: a page showing its data, images decoded, an answer sent by the outbox. */
export const EVENT_CEILING_MS = 2 * 60_000;
/** A whole test: a batch of simulated cases plus a few steps. */
export const TEST_TIMEOUT_MS = CASES_READY_CEILING_MS + 3 * EVENT_CEILING_MS;
