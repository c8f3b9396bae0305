import { z } from "zod";
import { ROLE_NAMES } from "@/lib/auth/permissions";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/auth/password";

export const usernameSchema = z
  .string()
  .trim()
  .min(3, "must be at least 3 characters")
  .max(64, "must be at most 64 characters")
  .regex(/^[A-Za-z0-9._@-]+$/, "may hold only letters, digits and . _ @ -");

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN, `must be at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `must be at most ${PASSWORD_MAX} characters`);

const roles = z
  .array(z.enum(ROLE_NAMES))
  .max(ROLE_NAMES.length)
  .refine((r) => new Set(r).size === r.length, "lists a role twice");
const displayName = z.string().trim().max(128, "must be at most 128 characters");

export const createUserBody = z.strictObject({
  username: usernameSchema,
  password: passwordSchema,
  displayName: displayName.optional(),
  roles: roles.min(1, "give the user at least one role"),
  canPrimary: z.boolean().optional(),
  canSecondary: z.boolean().optional(),
});
export type CreateUserInput = z.output<typeof createUserBody>;

export const updateUserBody = z
  .strictObject({
    displayName: displayName.nullable().optional(),
    roles: roles.optional(),
    canPrimary: z.boolean().optional(),
    canSecondary: z.boolean().optional(),
    active: z.boolean().optional(),
    unlock: z.literal(true).optional(),
    /** Most open cases this operator may hold; null goes back to the installation default (settings). */
    caseCap: z.number().int().min(1, "must be at least 1").max(1000, "must be at most 1000").nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, "give at least one field to change");
export type UpdateUserInput = z.output<typeof updateUserBody>;

export const resetPasswordBody = z.strictObject({ password: passwordSchema });

export const changeOwnPasswordBody = z.strictObject({
  // Only checked against the stored hash; the bound keeps a huge body from costing a hash of it.
  currentPassword: z.string().min(1, "give your current password").max(PASSWORD_MAX),
  newPassword: passwordSchema,
});
export type ChangeOwnPasswordInput = z.output<typeof changeOwnPasswordBody>;

export const userIdParams = z.object({ id: z.uuid() });

export const userView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string().nullable(),
  roles: z.array(z.enum(ROLE_NAMES)),
  active: z.boolean(),
  canPrimary: z.boolean(),
  canSecondary: z.boolean(),
  authSource: z.enum(["LOCAL", "OIDC"]),
  /** The password was set by an admin and the user has not chosen their own yet. */
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type UserView = z.output<typeof userView>;

/** One's own language of the screens: an ISO 639-3 code, which must be among MAS_UI_LANGUAGES (checked by the handler). */
export const setUiLanguageBody = z.strictObject({
  language: z.string().regex(/^[a-z]{3}$/, "must be an ISO 639-3 code such as eng, fra or ara"),
});
