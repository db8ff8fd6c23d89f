import { describe, expect, it } from "vitest";
import { ApiError, NETWORK_ERROR_MESSAGE } from "./client";
import { formErrors } from "./form-errors";

describe("formErrors", () => {
  it("has nothing to say without an error", () => {
    const errors = formErrors(null);
    expect(errors.fieldErrors).toEqual({});
    expect(errors.errorFor("title")).toBeUndefined();
    expect(errors.generalError).toBeNull();
  });

  it("puts a validation error's messages beside their fields and no general message", () => {
    const errors = formErrors(
      new ApiError("Check the highlighted fields", 422, "validation", { title: ["Give the survey a title"] }),
    );
    expect(errors.errorFor("title")).toEqual(["Give the survey a title"]);
    expect(errors.errorFor("period")).toBeUndefined();
    expect(errors.generalError).toBeNull();
  });

  it("shows an error no field explains as the general message", () => {
    expect(formErrors(new ApiError("Survey not found", 404, "not_found")).generalError).toBe("Survey not found");
    expect(formErrors(new TypeError("Failed to fetch")).generalError).toBe(NETWORK_ERROR_MESSAGE);
  });
});
