/** cryptsetup.open with a key file or a passphrase typed on the console. */
import { describe, expect, it } from "vitest";
import { argvs, boot, expectRescue, initWith, RESCUE_SHELL } from "./helpers.ts";

const names = "cryptsetup, log, rescueShell";
const withPrompt = initWith(
  names,
  `  const root = cryptsetup.open("/dev/vda2", "root", { prompt: "Passphrase for root", tries: 3 }) ?? rescueShell("cannot unlock the root disk");\n  log.info(\`unlocked \${root}\`);\n  rescueShell("end");`,
);
const luks = [{ name: "vda2", luks: { passphrase: "correct horse", contents: { type: "ext4", label: "root" } } }];

describe("cryptsetup.open", () => {
  it("unlocks with the passphrase typed on the console, which never reaches a command line", async () => {
    const r = await boot(withPrompt, { devices: luks, console: ["correct horse"] });
    expect(argvs(r)).toEqual([["stty", "-echo"], ["stty", "echo"], ["cryptsetup", "open", "/dev/vda2", "root"], ...RESCUE_SHELL]);
    const text = expectRescue(r);
    expect(text).toContain("Passphrase for root (/dev/vda2, try 1 of 3):");
    expect(text).toContain("unlocked /dev/mapper/root");
    expect(text).not.toContain("correct horse");
  });

  it("asks again after a wrong passphrase", async () => {
    const r = await boot(withPrompt, { devices: luks, console: ["wrong", "correct horse"] });
    const text = expectRescue(r);
    expect(text).toContain("wrong passphrase for /dev/vda2 [ Warning ]");
    expect(text).toContain("Passphrase for root (/dev/vda2, try 2 of 3):");
    expect(text).toContain("unlocked /dev/mapper/root");
    expect(argvs(r).filter((a) => a[0] === "cryptsetup")).toHaveLength(2);
  });

  it("three wrong passphrases: the rescue shell", async () => {
    const r = await boot(withPrompt, { devices: luks, console: ["a", "b", "c"] });
    expect(argvs(r).filter((a) => a[0] === "cryptsetup")).toHaveLength(3);
    const text = expectRescue(r);
    expect(text).toContain("try 3 of 3");
    expect(text).not.toContain("try 4");
    expect(text).toContain("init.ts:3: cannot unlock /dev/vda2 [ Failed ]");
    expect(text).toContain("cannot unlock the root disk [ Failed ]");
  });

  it("close locks it again", async () => {
    const init = initWith(names, `  cryptsetup.close("root") || log.warn("not open");\n  rescueShell("end");`);
    const r = await boot(init, {});
    expect(argvs(r)).toEqual([["cryptsetup", "close", "root"], ...RESCUE_SHELL]);
  });

  it("unlocks with a key file", async () => {
    const init = initWith(
      names,
      `  const root = cryptsetup.open("/dev/vda2", "root", { keyFile: "/etc/root.key" }) ?? rescueShell("cannot unlock");\n  log.info(\`unlocked \${root}\`);\n  rescueShell("end");`,
    );
    const r = await boot(init, { devices: luks, files: { "/etc/root.key": "correct horse" } });
    expect(argvs(r)).toEqual([["cryptsetup", "open", "--key-file", "/etc/root.key", "/dev/vda2", "root"], ...RESCUE_SHELL]);
    expect(expectRescue(r)).toContain("unlocked /dev/mapper/root");
  });
});
