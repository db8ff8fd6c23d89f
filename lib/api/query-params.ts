import { z } from "zod";

/**
 * A whole number in a query string, where every value is text: digits only. "", " 7", "1e3", "0x10",
 * "7.0" and "-1" are refused rather than coerced (Number("") is 0, Number("0x10") is 16).
 */
export const queryInteger = (message = "Use a whole number") =>
  z
    .string()
    .regex(/^\d{1,9}$/, message)
    .transform(Number);
