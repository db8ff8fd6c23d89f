import { z } from "zod";
import { roles } from "@/lib/db/schema/workspace";

export const emailSchema = z.string().trim().toLowerCase().email("Enter a valid email address").max(254);
export const passwordSchema = z.string().min(10, "Use at least 10 characters").max(200, "Use at most 200 characters");

export const signInSchema = z.object({ email: emailSchema, password: z.string().min(1, "Enter your password").max(200) });

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
  role: z.enum(roles),
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z.object({ role: z.enum(roles) });

export const userIdParams = z.object({ id: z.string().uuid("Unknown user") });
