import type { Operation } from "../operation";
import { accountOperations } from "./account";
import { adminOperations } from "./admin";
import { caseOperations } from "./cases";
import { integrationOperations } from "./integration";
import { platformOperations } from "./platform";
import { simulatorOperations } from "./simulator";
import { supervisionOperations } from "./supervision";

/**
 * Every operation of the HTTP API, each declared once: route files under app/api build their handlers from
 * these (apiRoute(operations.x, …)), and lib/http/openapi.ts generates /api/openapi.json from them.
 * lib/http/operations.test.ts fails when a route file and this registry disagree.
 */
export const operations = {
  ...platformOperations,
  ...accountOperations,
  ...adminOperations,
  ...integrationOperations,
  ...simulatorOperations,
  ...caseOperations,
  ...supervisionOperations,
};

export const allOperations: readonly Operation[] = Object.values(operations);
