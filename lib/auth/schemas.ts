import { z } from "zod";
import { ROLES } from "./constants";

export const emailSchema = z.string().trim().toLowerCase().email("Enter a valid email address").max(254);
export const passwordSchema = z.string().min(10, "Use at least 10 characters").max(200, "Use at most 200 characters");

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password").max(200),
});

export const setupOwnerSchema = z.object({
  name: z.string().trim().min(1, "Enter your name").max(100),
  email: emailSchema,
  password: passwordSchema,
  workspaceName: z.string().trim().min(1, "Name the workspace").max(100),
});
export type SetupOwnerInput = z.infer<typeof setupOwnerSchema>;

export const createUserSchema = z.object({
  name: z.string().trim().max(100).default(""),
  email: emailSchema,
  password: passwordSchema,
  role: z.enum(ROLES),
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z
  .object({
    role: z.enum(ROLES).optional(),
    // false deactivates (no sign-in, sessions end at once), true reactivates.
    active: z.boolean().optional(),
  })
  .refine((v) => v.role !== undefined || v.active !== undefined, {
    message: "Change the role or whether the person is active",
  });

const confirmation = <T extends { confirmPassword: string }>(v: T, password: string) => v.confirmPassword === password;

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password").max(200),
    newPassword: passwordSchema,
    confirmPassword: z.string().max(200),
  })
  .refine((v) => confirmation(v, v.newPassword), { message: "The two new passwords differ", path: ["confirmPassword"] })
  .refine((v) => v.newPassword !== v.currentPassword, {
    message: "Choose a password different from the current one",
    path: ["newPassword"],
  });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

/** The secret part of a reset link: 32 random bytes, base64url. */
export const resetTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "This reset link is not valid");

export const resetPasswordSchema = z
  .object({ token: resetTokenSchema, password: passwordSchema, confirmPassword: z.string().max(200) })
  .refine((v) => confirmation(v, v.password), { message: "The two passwords differ", path: ["confirmPassword"] });
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;

export const userIdParams = z.object({ id: z.string().uuid("Unknown user") });
