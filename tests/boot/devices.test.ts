/** parseDeviceSpec, resolveDevice, waitForDevice and blockDevices on the simulated machine. */
import { describe, expect, it } from "vitest";
import { argvs, boot, compileInit, expectRescue, initWith, plain, RESCUE_SHELL } from "./helpers.ts";

describe("parseDeviceSpec", () => {
  it("accepts the five forms and nothing else", async () => {
    const program = compileInit(`
import { parseDeviceSpec } from "initsh";
for (const s of ["/dev/sda1", "UUID=1234-ABCD", "LABEL=my disk", "PARTUUID=0a-01", "PARTLABEL=root", "/dev/", "sda1", "LABEL=", "uuid=x", "", "/devx", " /dev/sda"]) {
  console.log(\`[\${s}] -> \${parseDeviceSpec(s) ?? "undefined"}\`);
}
`);
    const r = await boot(program, {});
    expect(r.trace).toEqual([]);
    expect(plain(r.console).trim().split("\n")).toEqual([
      "[/dev/sda1] -> /dev/sda1",
      "[UUID=1234-ABCD] -> UUID=1234-ABCD",
      "[LABEL=my disk] -> LABEL=my disk",
      "[PARTUUID=0a-01] -> PARTUUID=0a-01",
      "[PARTLABEL=root] -> PARTLABEL=root",
      "[/dev/] -> undefined",
      "[sda1] -> undefined",
      "[LABEL=] -> undefined",
      "[uuid=x] -> undefined",
      "[] -> undefined",
      "[/devx] -> undefined",
      "[ /dev/sda] -> undefined",
    ]);
  });
});

const waitBody = (spec: string, timeout: number) =>
  `  const dev = waitForDevice("${spec}", ${timeout}) ?? rescueShell("no device");\n  log.info(\`found \${dev}\`);\n  rescueShell("end");`;
const names = "log, rescueShell, waitForDevice";

describe("waitForDevice", () => {
  it("returns a /dev device that is there at once, without a fork", async () => {
    const r = await boot(initWith(names, waitBody("/dev/vda", 5)), { devices: [{ name: "vda" }] });
    expect(argvs(r)).toEqual(RESCUE_SHELL);
    expect(expectRescue(r)).toContain("found /dev/vda");
  });

  it("polls every 0.1 s until a LABEL appears", async () => {
    const r = await boot(initWith(names, waitBody("LABEL=root", 5)), { devices: [{ name: "sdb1", label: "root", type: "ext4", appearsAfter: 0.3 }] });
    expect(argvs(r)).toEqual([
      ["findfs", "LABEL=root"],
      ["sleep", "0.1"],
      ["findfs", "LABEL=root"],
      ["sleep", "0.1"],
      ["findfs", "LABEL=root"],
      ["sleep", "0.1"],
      ["findfs", "LABEL=root"],
      ...RESCUE_SHELL,
    ]);
    const text = expectRescue(r);
    expect(text).toContain("Waiting up to 5s for LABEL=root...");
    expect(text).toContain("found /dev/sdb1");
    expect(text).not.toContain("unable to resolve"); // findfs's complaints are not shown
  });

  it("finds PARTUUID= with util-linux's findfs (busybox's knows only LABEL= and UUID=)", async () => {
    const r = await boot(initWith(names, waitBody("PARTUUID=0a0b0c0d-02", 1)), {
      devices: [{ name: "vdc2", partuuid: "0a0b0c0d-02", uuid: "u-1", type: "ext4" }],
      utilLinux: true,
    });
    expect(argvs(r)).toEqual([["findfs", "PARTUUID=0a0b0c0d-02"], ...RESCUE_SHELL]);
    expect(expectRescue(r)).toContain("found /dev/vdc2");
  });

  it("gives up after the timeout and lists the devices it saw", async () => {
    const r = await boot(initWith(names, waitBody("LABEL=root", 1)), { devices: [{ name: "vda" }, { name: "vda1", label: "boot", type: "vfat" }] });
    const commands = argvs(r);
    expect(commands.filter((a) => a[0] === "findfs")).toHaveLength(11);
    expect(commands.filter((a) => a[0] === "sleep")).toHaveLength(10);
    expect(r.trace.at(-1)?.time).toBeCloseTo(1.0, 5);
    const text = expectRescue(r);
    expect(text).toContain("LABEL=root did not appear within 1s [ Failed ]");
    expect(text).toContain("Block devices found: /dev/vda /dev/vda1");
    expect(text).toContain("no device [ Failed ]");
  });

  it("says so when there are no block devices at all", async () => {
    const r = await boot(initWith(names, waitBody("/dev/vda", 0)), {});
    expect(argvs(r)).toEqual(RESCUE_SHELL);
    expect(expectRescue(r)).toContain("No block devices were found.");
  });
});
