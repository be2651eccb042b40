/** switchRoot, chrootExec, pivotRoot and rescueShell: the ways an init ends. */
import { describe, expect, it } from "vitest";
import { argvs, boot, EARLY_MOUNTS, expectRescue, initWith, NEW_ROOT, plain, RESCUE_SHELL } from "./helpers.ts";

const names = "chrootExec, cmdline, earlySetup, log, mount, pivotRoot, rescueShell, switchRoot";
/** The root filesystem, mounted on /newroot before switchRoot (switch_root wants a mount point). */
const ROOT_DISK = { name: "vda", type: "ext4" };

describe("switchRoot", () => {
  const init = initWith(
    names,
    [
      `  earlySetup() || rescueShell("no early setup");`,
      `  mount("/dev/vda", "/newroot", { type: "ext4" }) || rescueShell("no root filesystem");`,
      `  switchRoot("/newroot", cmdline.string("init", "/sbin/init"), ...cmdline.args());`,
    ].join("\n"),
  );
  const bare = initWith(names, `  earlySetup() || rescueShell("no early setup");\n  switchRoot("/newroot", cmdline.string("init", "/sbin/init"), ...cmdline.args());`);

  it("moves /dev, /proc and /sys into the new root and execs switch_root as PID 1", async () => {
    const r = await boot(init, { ...NEW_ROOT, devices: [ROOT_DISK], cmdline: "quiet -- single" });
    expect(argvs(r)).toEqual([
      ...EARLY_MOUNTS,
      ["mount", "-t", "ext4", "/dev/vda", "/newroot"],
      ["mount", "--move", "/dev", "/newroot/dev"],
      ["mount", "--move", "/proc", "/newroot/proc"],
      ["mount", "--move", "/sys", "/newroot/sys"],
      ["switch_root", "/newroot", "/sbin/init", "single"],
    ]);
    expect(r.outcome).toEqual({ kind: "switch_root", argv: ["switch_root", "/newroot", "/sbin/init", "single"], pid1: true });
  });

  it("a missing new root: the rescue shell, not a panic", async () => {
    const r = await boot(bare, {});
    expect(argvs(r)).toEqual([...EARLY_MOUNTS, ...RESCUE_SHELL]);
    expect(expectRescue(r)).toContain("switchRoot: /newroot is not a directory [ Failed ]");
  });

  it("an init that is not there: the rescue shell", async () => {
    const r = await boot(init, { ...NEW_ROOT, devices: [ROOT_DISK], cmdline: "init=/bin/nope" });
    expect(expectRescue(r)).toContain("switchRoot: /bin/nope is missing or not executable in /newroot [ Failed ]");
  });

  it("a move that fails: the rescue shell", async () => {
    const r = await boot(init, { ...NEW_ROOT, devices: [ROOT_DISK], commands: [{ prefix: ["mount", "--move", "/proc"], exit: 32 }] });
    expect(expectRescue(r)).toContain("switchRoot: cannot move /proc into /newroot [ Failed ]");
  });
});

describe("chrootExec and pivotRoot", () => {
  const chroot = initWith(names, `  chrootExec("/mnt/sub", "/sbin/init", "3");`);

  it("chrootExec execs chroot as PID 1", async () => {
    const r = await boot(chroot, { files: { "/mnt/sub/sbin/init": { content: "\u007fELF stub\n", mode: 0o755 } } });
    expect(r.outcome).toEqual({ kind: "exec", argv: ["chroot", "/mnt/sub", "/sbin/init", "3"], pid1: true });
  });

  it("chrootExec into a missing root: the rescue shell (chroot would fail as PID 1)", async () => {
    const r = await boot(chroot, {});
    expect(argvs(r)).toEqual(RESCUE_SHELL);
    expect(expectRescue(r)).toContain("chrootExec: /mnt/sub is not a directory [ Failed ]");
  });

  it("pivotRoot runs pivot_root", async () => {
    const init = initWith(names, `  pivotRoot("/m", "/m/oldroot") || rescueShell("no pivot");\n  rescueShell("end");`);
    const r = await boot(init, {});
    expect(argvs(r)).toEqual([["pivot_root", "/m", "/m/oldroot"], ...RESCUE_SHELL]);
  });
});

describe("rescueShell", () => {
  const init = initWith(names, `  log.info("step one");\n  log.ok("step two");\n  rescueShell("the root disk is missing");`);

  it("prints the message and the boot so far, then a shell", async () => {
    const r = await boot(init, {});
    expect(r.outcome).toEqual({ kind: "rescue", argv: ["sh"], starts: 1 });
    expect(plain(r.console)).toContain(
      ["step one", "step two [ OK ]", "the root disk is missing [ Failed ]", "The boot so far:", "  step one", "  step two [ OK ]", "  the root disk is missing [ Failed ]"].join("\n"),
    );
  });

  it("starts the shell again when it exits, and never lets PID 1 exit", async () => {
    const r = await boot(init, { rescueShellExits: 2 });
    expect(r.outcome).toEqual({ kind: "rescue", argv: ["sh"], starts: 3 });
    expect(plain(r.console).match(/Starting a rescue shell/g)).toHaveLength(3);
  });

  it("rd.emergency=reboot reboots instead", async () => {
    const r = await boot(init, { cmdline: "rd.emergency=reboot" });
    expect(r.outcome).toEqual({ kind: "reboot", argv: ["reboot", "-f"] });
  });

  it("rd.emergency=poweroff powers off", async () => {
    const r = await boot(init, { cmdline: "rd.emergency=poweroff" });
    expect(r.outcome).toEqual({ kind: "poweroff", argv: ["poweroff", "-f"] });
  });

  it("falls back to the shell when reboot fails", async () => {
    const r = await boot(init, { cmdline: "rd.emergency=reboot", commands: [{ prefix: ["reboot"], exit: 1 }] });
    expect(r.outcome.kind).toBe("rescue");
  });
});
