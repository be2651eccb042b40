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

  // busybox's findfs knows only LABEL= and UUID=, and busybox-static has no blkid: a
  // partition's PARTUUID is read from its disk's partition table with od, its PARTLABEL is the
  // name the kernel shows in sysfs.
  it("finds an MBR PARTUUID= (the disk signature and the number) with od, in any case", async () => {
    const r = await boot(initWith(names, waitBody("PARTUUID=0A0B0C0D-02", 1)), {
      devices: [{ name: "vdc1", partuuid: "0a0b0c0d-01", type: "ext4" }, { name: "vdc2", partuuid: "0a0b0c0d-02", uuid: "u-1", type: "ext4" }],
    });
    // The header at LBA 1 is no GPT's: the MBR's signature, read once per partition looked at.
    expect(argvs(r)).toEqual([
      ["od", "-A", "n", "-t", "x1", "-v", "-j", "512", "-N", "92", "/dev/vdc"],
      ["od", "-A", "n", "-t", "x1", "-v", "-j", "440", "-N", "72", "/dev/vdc"],
      ["od", "-A", "n", "-t", "x1", "-v", "-j", "512", "-N", "92", "/dev/vdc"],
      ["od", "-A", "n", "-t", "x1", "-v", "-j", "440", "-N", "72", "/dev/vdc"],
      ...RESCUE_SHELL,
    ]);
    expect(expectRescue(r)).toContain("found /dev/vdc2");
  });

  it("finds a GPT PARTUUID= from the partition entry, and reads each partition's only once while waiting", async () => {
    const uuid = "6b1e4c2a-93d0-4f5e-8c11-2a3b4c5d6e7f";
    const r = await boot(initWith(names, waitBody(`PARTUUID=${uuid}`, 1)), {
      devices: [
        { name: "sda1", partuuid: "11111111-2222-4333-8444-555555555555", partlabel: "esp", type: "vfat" },
        { name: "sdb2", partuuid: uuid, partlabel: "root", type: "ext4", appearsAfter: 0.3 },
      ],
    });
    const commands = argvs(r);
    // sda1: its table once (header, entry); sdb2 once it is there.
    expect(commands.filter((a) => a[0] === "od" && a.at(-1) === "/dev/sda")).toHaveLength(2);
    expect(commands.filter((a) => a[0] === "od" && a.at(-1) === "/dev/sdb")).toEqual([
      ["od", "-A", "n", "-t", "x1", "-v", "-j", "512", "-N", "92", "/dev/sdb"],
      ["od", "-A", "n", "-t", "x1", "-v", "-j", "1168", "-N", "16", "/dev/sdb"],
    ]);
    expect(expectRescue(r)).toContain("found /dev/sdb2");
  });

  it("finds PARTLABEL= from sysfs, without a fork", async () => {
    const r = await boot(initWith(names, waitBody("PARTLABEL=root", 1)), {
      devices: [{ name: "sda1", partuuid: "11111111-2222-4333-8444-555555555555", partlabel: "esp", type: "vfat" }, { name: "sda2", partuuid: "11111111-2222-4333-8444-555555555556", partlabel: "root", type: "ext4" }],
    });
    expect(argvs(r)).toEqual(RESCUE_SHELL);
    expect(expectRescue(r)).toContain("found /dev/sda2");
  });

  it("a PARTUUID= that no partition has: not found, never a wrong device", async () => {
    const r = await boot(initWith(names, waitBody("PARTUUID=0a0b0c0d-03", 0)), { devices: [{ name: "vdc2", partuuid: "0a0b0c0d-02", type: "ext4" }] });
    expect(expectRescue(r)).toContain("PARTUUID=0a0b0c0d-03 did not appear within 0s [ Failed ]");
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
