/** Tool lookup and the message for a missing tool (no QEMU needed). */
import { describe, expect, it } from "vitest";
import { findTool, requireTools } from "./tools.ts";

describe("requireTools", () => {
  it("resolves a present tool to an absolute path", () => {
    expect(requireTools([{ command: "sh", aptPackage: "dash" }]).sh).toMatch(/^\/.*\/sh$/);
  });

  it("names each missing command, its apt package and how to skip", () => {
    const missing = [
      { command: "initsh-no-such-tool", aptPackage: "initsh-pkg-a" },
      { command: "initsh-no-such-tool-2", aptPackage: "initsh-pkg-a" },
    ];
    expect(() => requireTools(missing)).toThrow(
      /initsh-no-such-tool \(apt package initsh-pkg-a\), initsh-no-such-tool-2 \(apt package initsh-pkg-a\)\. Install with: apt-get install --no-install-recommends initsh-pkg-a .*INITSH_SKIP_QEMU=1/,
    );
  });

  it("finds sbin tools without sbin on PATH", () => {
    const saved = process.env.PATH;
    process.env.PATH = "/nonexistent";
    try {
      expect(findTool("initsh-no-such-tool")).toBeUndefined();
      expect(findTool("sh")).toMatch(/\/sh$/);
    } finally {
      process.env.PATH = saved;
    }
  });
});
