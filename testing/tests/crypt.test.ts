import { describe, expect, it } from "vitest";
import { simulate } from "../index.ts";
import { argvs, fixture, hasBlockNode, inlineInit, newRootFiles } from "./helpers.ts";

const luksDisk = {
  name: "vda2",
  uuid: "c0ffee00-luks",
  luks: { passphrase: ["secret", "backup key"], contents: { type: "ext4", label: "root", uuid: "5555-root" } },
};

describe("cryptsetup", () => {
  it.skipIf(!hasBlockNode)("unlocks with the passphrase typed on the console after a wrong one", async () => {
    const run = await simulate(fixture("luks-prompt.sh"), { devices: [luksDisk], console: ["wrong", "secret"], files: newRootFiles() });
    expect(run.console).toBe(
      [
        "Passphrase for /dev/vda2: ",
        "No key available with this passphrase.",
        "Passphrase for /dev/vda2: ",
        "mapper/root is a block device",
        "/dev/mapper/root",
        "",
      ].join("\n"),
    );
    expect(argvs(run).filter((a) => a[0] === "cryptsetup")).toEqual([
      ["cryptsetup", "open", "/dev/vda2", "root"],
      ["cryptsetup", "open", "/dev/vda2", "root"],
    ]);
    expect(run.outcome).toMatchObject({ kind: "switch_root" });
    expect(run.mounts).toEqual([{ source: "/dev/mapper/root", target: "/newroot", type: "ext4", options: "" }]);
  });

  it("gives up after three wrong passphrases", async () => {
    const run = await simulate(fixture("luks-prompt.sh"), { devices: [luksDisk], console: ["a", "b", "c", "secret"] });
    expect(run.console.match(/No key available with this passphrase\./g)).toHaveLength(3);
    expect(run.console).toContain("too many tries\n");
    expect(run.outcome).toEqual({ kind: "rescue", argv: ["sh"], starts: 1 });
  });

  it("prompts on the terminal itself when its stdin is the console, three tries", async () => {
    const run = await simulate(inlineInit('cryptsetup open /dev/vda2 root; echo "rc=$?"\ncryptsetup open /dev/vda2 root2; echo "rc=$?"\nexec reboot -f'), {
      devices: [luksDisk],
      console: ["bad", "backup key", "x", "y", "z"],
    });
    expect(run.console).toBe(
      [
        "Enter passphrase for /dev/vda2: ",
        "No key available with this passphrase.",
        "Enter passphrase for /dev/vda2: ",
        "rc=0",
        "Cannot use device /dev/vda2 which is in use (already mapped or mounted).",
        "rc=5",
        "",
      ].join("\n"),
    );
  });

  it("compares a key file whole, and reports missing or non-LUKS devices", async () => {
    const run = await simulate(
      inlineInit(
        [
          'cryptsetup open --key-file /keys/with-newline /dev/vda2 a; echo "rc=$?"',
          'cryptsetup open --key-file=/keys/none /dev/vda2 c; echo "rc=$?"',
          'cryptsetup open -d /keys/exact /dev/vda2 b; echo "rc=$?"',
          'cryptsetup open /dev/vdz x </dev/null; echo "rc=$?"',
          'cryptsetup open /dev/vda1 x </dev/null; echo "rc=$?"',
          'cryptsetup isLuks /dev/vda2; echo "isLuks vda2 rc=$?"',
          'cryptsetup isLuks /dev/vda1; echo "isLuks vda1 rc=$?"',
          "cryptsetup luksUUID /dev/vda2",
          "printf 'secret' | cryptsetup open /dev/vda2 b; echo \"rc=$?\"",
          "exec reboot -f",
        ].join("\n"),
      ),
      {
        devices: [{ name: "vda1", type: "ext4" }, luksDisk],
        files: { "/keys/with-newline": "secret\n", "/keys/exact": "secret" },
      },
    );
    expect(run.console).toBe(
      [
        "No key available with this passphrase.",
        "rc=2",
        "Failed to open key file.",
        "rc=1",
        "rc=0",
        "Device /dev/vdz does not exist or access denied.",
        "rc=4",
        "Device /dev/vda1 is not a valid LUKS device.",
        "rc=1",
        "isLuks vda2 rc=0",
        "isLuks vda1 rc=1",
        "c0ffee00-luks",
        "Device b already exists.",
        "rc=5",
        "",
      ].join("\n"),
    );
  });
});
