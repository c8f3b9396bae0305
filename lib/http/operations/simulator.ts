import { z } from "zod";
import { operation } from "../operation";

const addRequestsBody = z.strictObject({
  adjudications: z.number().int().min(0).max(50),
  verifications: z.number().int().min(0).max(50).default(0),
  // Real devices send fingers as JPEG2000 or WSQ; the simulator writes PNG unless asked for WSQ.
  fingerCodec: z.enum(["PNG", "WSQ"]).default("PNG"),
});

/** Demo and test control of the built-in MOSIP simulator; absent when a real broker is configured. */
export const simulatorOperations = {
  simulatorStatus: operation({
    method: "GET",
    path: "/api/simulator/requests",
    permission: "integration.view",
    summary:
      "Whether the built-in MOSIP simulator runs (only without a real broker) and, if so, its batches, requests sent, responses received, broken and unanswered requests",
    response: { status: 200 },
  }),
  addSimulatorRequests: operation({
    method: "POST",
    path: "/api/simulator/requests",
    permission: "integration.operate",
    summary:
      "Have the built-in MOSIP simulator send adjudication and verification requests (audited); 409 when a real broker is configured",
    body: addRequestsBody,
    // created: requests MOSIP sends, at once from the prepared stock or as their packets are built.
    response: { status: 201, schema: { type: "object", properties: { created: { type: "integer" } } } },
  }),
};
