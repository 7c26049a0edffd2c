import { describe, expect, it } from "vitest";
import { micUnavailableReason, problemOf } from "./media-access.ts";

const domError = (name: string) => Object.assign(new Error(name), { name });

describe("microphone problems", () => {
  it("name what the voter can do something about", () => {
    expect(problemOf(domError("NotAllowedError"))).toBe("denied");
    expect(problemOf(domError("SecurityError"))).toBe("denied");
    expect(problemOf(domError("NotFoundError"))).toBe("no-microphone");
    expect(problemOf(domError("OverconstrainedError"))).toBe("no-microphone");
    expect(problemOf(domError("NotReadableError"))).toBe("busy");
    expect(problemOf({ name: "NotAllowedError" })).toBe("denied");
    expect(problemOf("weird")).toBe("failed");
  });

  it("say the microphone cannot even be asked for outside a browser window", () => {
    expect(micUnavailableReason()).toBe("unsupported");
  });

  it("say so when the page is not a secure context, before anything else", () => {
    const g = globalThis as { window?: unknown; navigator?: unknown };
    const saved = { window: g.window };
    try {
      g.window = { isSecureContext: false };
      expect(micUnavailableReason()).toBe("insecure");
      g.window = { isSecureContext: true };
      // a secure page in a browser without media devices (node has no navigator.mediaDevices)
      expect(micUnavailableReason()).toBe("unsupported");
    } finally {
      g.window = saved.window;
    }
  });
});
