import type { z } from "zod";

/** One line per problem, each naming the field, for 400 answers. */
export function describeIssues(error: z.ZodError): { message: string; fields: { field: string; message: string }[] } {
  const fields = error.issues.flatMap((i) => {
    if (i.code === "unrecognized_keys") return i.keys.map((k) => ({ field: [...i.path, k].join("."), message: "is not a known field" }));
    return [{ field: i.path.join(".") || "(body)", message: i.message }];
  });
  return { message: fields.map((f) => `${f.field}: ${f.message}`).join("; "), fields };
}
