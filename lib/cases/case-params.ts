import { z } from "zod";

export const caseIdParams = z.object({ id: z.uuid() });
