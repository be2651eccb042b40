// Boots init.ts on initsh's simulated machine (initsh/testing): scenario.json is the machine
// `npm run simulate` uses too; each test changes what it is about.
import { describe, expect, it } from "vitest";
import { readScenario, simulate } from "initsh/testing";

const machine = readScenario("scenario.json");

describe("init.ts", () => {
  it("mounts the root disk read-only once it appears, and hands over to its init", async () => {
    const run = await simulate({ source: "init.ts" }, machine);
    expect(run.outcome).toEqual({ kind: "switch_root", argv: ["switch_root", "/newroot", "/sbin/init"], pid1: true });
    expect(run.trace.map((t) => t.argv)).toContainEqual(["mount", "-t", "ext4", "-o", "ro", "/dev/vda1", "/newroot"]);
  });

  it("stops in the rescue shell, saying why, when root= is missing", async () => {
    const run = await simulate({ source: "init.ts" }, { ...machine, cmdline: "quiet" });
    expect(run.outcome.kind).toBe("rescue");
    expect(run.console).toContain("root= is missing");
  });
});
