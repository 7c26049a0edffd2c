import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-policy.ts";

describe("password policy", () => {
  it("accepts ten characters of three kinds that are not the user name", () => {
    expect(passwordProblem("Hexi-Bridge-27", "staff.tongli")).toBeNull();
    expect(passwordProblem("lanterns7&river", "staff.tongli")).toBeNull();
    expect(passwordProblem("同心议事2026go", "deputy.wang")).toBeNull();
  });

  it("refuses fewer than ten characters, however varied", () => {
    expect(passwordProblem("Ab3$Ab3$x", "staff.x")).toBe("password.tooShort");
  });

  it("refuses fewer than three kinds of characters", () => {
    expect(passwordProblem("lanternriverbank", "staff.x")).toBe("password.fewKinds");
    expect(passwordProblem("lantern river bank", "staff.x")).toBe("password.fewKinds");
    expect(passwordProblem("lanternriver2026", "staff.x")).toBe("password.fewKinds");
  });

  it("refuses a password holding the user name or a long part of it, in any case", () => {
    expect(passwordProblem("Staff.Tongli-2026", "staff.tongli")).toBe("password.hasUsername");
    expect(passwordProblem("X9!tongliABCD", "staff.tongli")).toBe("password.hasUsername");
  });

  it("refuses the passwords every guesser tries first, dressed up or not", () => {
    expect(passwordProblem("P@ssw0rd-2024", "staff.x")).toBe("password.common");
    expect(passwordProblem("Qwertyuiop1!", "staff.x")).toBe("password.common");
    expect(passwordProblem("1234567890", "staff.x")).toBe("password.common");
    expect(passwordProblem("Tongxin-demo", "staff.x")).toBe("password.common");
  });
});
