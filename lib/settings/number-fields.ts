import { z } from "zod";

/** One number of a settings group as a form needs it: its key, the range its schema accepts, and whether it is whole. */
export interface NumberField {
  key: string;
  min: number;
  max: number;
  integer: boolean;
}

/**
 * The numeric fields of a settings schema with the ranges the schema itself enforces, in the schema's order, so
 * that a form checks exactly what the server will and says what is allowed without a second copy of the limits.
 */
export function numberFields(schema: z.ZodObject): NumberField[] {
  return Object.entries(schema.shape).flatMap(([key, type]) =>
    type instanceof z.ZodNumber && type.minValue !== null && type.maxValue !== null
      ? [{ key, min: type.minValue, max: type.maxValue, integer: type.isInt }]
      : [],
  );
}
