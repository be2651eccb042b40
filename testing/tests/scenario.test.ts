import { describe, expect, it } from "vitest";
import { simulate } from "../index.ts";
import { displayArgv } from "../quote.ts";
import { splitQuotedWords } from "../results.ts";
import { buildModel } from "../scenario.ts";
import type { Scenario } from "../types.ts";
import { inlineInit } from "./helpers.ts";

describe("scenario checks", () => {
  const bad: [string, unknown, RegExp][] = [
    ["unknown field", { devise: [] }, /devise: is not a scenario field/],
    ["device name with a slash", { devices: [{ name: "disk/a" }] }, /devices\[0\]\.name: .* is not a device name/],
    ["device defined twice", { devices: [{ name: "vda" }, { name: "vda" }] }, /\/dev\/vda is defined twice/],
    ["label with a newline", { devices: [{ name: "vda", label: "a\nb" }] }, /devices\[0\]\.label: must not contain newlines/],
    ["negative appearsAfter", { devices: [{ name: "vda", appearsAfter: -1 }] }, /appearsAfter: must be a non-negative number/],
    ["empty passphrase list", { devices: [{ name: "vda", luks: { passphrase: [] } }] }, /needs at least one passphrase/],
    ["override with argv and prefix", { commands: [{ argv: ["a"], prefix: ["a"] }] }, /needs exactly one of argv and prefix/],
    ["override of a path", { commands: [{ argv: ["/bin/mount"] }] }, /must be a command name/],
    ["console line with a control character", { console: ["a\u0003"] }, /console\[0\]: must not contain newlines or control characters/],
    ["relative file path", { files: { "etc/x": "" } }, /must be an absolute path/],
    ["file in /.sim", { files: { "/.sim/data.sh": "" } }, /\/\.sim belongs to the simulator/],
    ["md name", { raidArrays: [{ name: "raid", members: [] }] }, /must look like md0/],
    ["pv not under /dev", { volumeGroups: [{ name: "vg", pvs: ["vda2"], lvs: [] }] }, /is not a \/dev\/… path/],
  ];
  for (const [what, scenario, message] of bad) {
    it(`rejects ${what}`, () => {
      expect(() => buildModel(scenario as Scenario)).toThrow(message);
    });
  }

  it("rejects a bad scenario before running anything", async () => {
    await expect(simulate(inlineInit("exec reboot"), { timeoutMs: 0 })).rejects.toThrow(/timeoutMs: must be positive/);
  });

  it("rejects an init that cannot be read", async () => {
    await expect(simulate("/nonexistent/init.sh", {})).rejects.toThrow(/cannot read the init script \/nonexistent\/init\.sh/);
  });

  it("numbers devices like the kernel would, roughly", () => {
    const model = buildModel({ devices: [{ name: "sda" }, { name: "sdb2" }, { name: "vdc1" }, { name: "nvme0n1p1" }, { name: "nvme0n1p2" }, { name: "sr0" }] });
    expect(model.devices.map((d) => `${d.part} ${d.major}:${d.minor}`)).toEqual([
      "sda 8:0",
      "sdb2 8:18",
      "vdc1 254:33",
      "nvme0n1p1 259:0",
      "nvme0n1p2 259:1",
      "sr0 11:0",
    ]);
  });
});

describe("quoting helpers", () => {
  it("reads back what sim_q writes", () => {
    expect(splitQuotedWords(`sim_m 'a b' 'it'\\''s' '' 'x\ny'`)).toEqual(["sim_m", "a b", "it's", "", "x\ny"]);
  });

  it("shows argv shell-quoted only where needed", () => {
    expect(displayArgv(["mount", "-o", "ro,x=1", "/dev/a b", "it's", "", "$(x)"])).toBe(`mount -o ro,x=1 '/dev/a b' 'it'\\''s' '' '$(x)'`);
  });
});
