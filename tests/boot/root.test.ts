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

  // The second program: busybox's switch_root refuses a directory that is not a mount
  // point and exits, which as PID 1 is a kernel panic; switchRoot checks first.
  it("nothing mounted on the new root: the rescue shell, before anything moves", async () => {
    const r = await boot(bare, NEW_ROOT);
    expect(argvs(r)).toEqual([...EARLY_MOUNTS, ...RESCUE_SHELL]);
    expect(expectRescue(r)).toContain("switchRoot: nothing is mounted on /newroot: mount the root filesystem there first [ Failed ]");
  });

  it("a bind mount of the initramfs is no filesystem of its own: the rescue shell", async () => {
    const bound = initWith(names, `  earlySetup() || rescueShell("no early setup");
  mount.bind("/newroot", "/newroot") || rescueShell("no bind");
  switchRoot("/newroot");`);
    const r = await boot(bound, NEW_ROOT);
    expect(argvs(r)).toEqual([...EARLY_MOUNTS, ["mount", "--bind", "/newroot", "/newroot"], ...RESCUE_SHELL]);
    expect(expectRescue(r)).toContain("switchRoot: /newroot is part of the initramfs, not a filesystem of its own: mount the root filesystem there [ Failed ]");
  });

  it("an init that is a symbolic link inside the new root is followed there (readlink), as the kernel will", async () => {
    const files = {
      ...NEW_ROOT.files,
      "/newroot/lib/systemd/systemd": { content: "\u007fELF stub\n", mode: 0o755 },
      "/newroot/sbin/init": { symlink: "/lib/systemd/systemd" },
    };
    const r = await boot(init, { ...NEW_ROOT, files, devices: [ROOT_DISK] });
    expect(argvs(r)).toContainEqual(["readlink", "/newroot/sbin/init"]);
    expect(r.outcome).toEqual({ kind: "switch_root", argv: ["switch_root", "/newroot", "/sbin/init"], pid1: true });
  });

  it("a link to nothing inside the new root: the rescue shell (the host's /lib/systemd does not count)", async () => {
    const files = { ...NEW_ROOT.files, "/newroot/sbin/init": { symlink: "/lib/systemd/systemd" } };
    const r = await boot(init, { ...NEW_ROOT, files, devices: [ROOT_DISK] });
    expect(expectRescue(r)).toContain("switchRoot: /sbin/init is missing or not executable in /newroot [ Failed ]");
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

  it("chrootExec of a program missing in the new root: the rescue shell", async () => {
    const r = await boot(chroot, { dirs: ["/mnt/sub/sbin"] });
    expect(argvs(r)).toEqual(RESCUE_SHELL);
    expect(expectRescue(r)).toContain("chrootExec: /sbin/init is missing or not executable in /mnt/sub [ Failed ]");
  });

  // The kernel's rules, checked first: pivot_root cannot move the initramfs (rootfs) at all,
  // put_old must be inside the new root, and the new root must be a mount point.
  it("pivotRoot from the initramfs: refused with the reason, pivot_root never runs", async () => {
    const init = initWith(names, `  earlySetup() || rescueShell("no early setup");\n  mount("tmpfs", "/m", { type: "tmpfs" }) || rescueShell("no tmpfs");\n  pivotRoot("/m", "/m/oldroot") || rescueShell("no pivot");\n  rescueShell("end");`);
    const r = await boot(init, { dirs: ["/m/oldroot"] });
    expect(argvs(r)).toEqual([...EARLY_MOUNTS, ["mount", "-t", "tmpfs", "tmpfs", "/m"], ...RESCUE_SHELL]);
    expect(expectRescue(r)).toContain("init.ts:5: pivotRoot: / is the initramfs (rootfs), which cannot be pivoted: switchRoot into a tmpfs copy first [ Failed ]");
  });

  it("pivotRoot with put_old outside the new root, or a new root that is not mounted: refused", async () => {
    const outside = initWith(names, `  earlySetup() || rescueShell("no early setup");\n  pivotRoot("/m", "/old") || rescueShell("no pivot");\n  rescueShell("end");`);
    const r = await boot(outside, { dirs: ["/m", "/old"] });
    expect(expectRescue(r)).toContain("init.ts:4: pivotRoot: /old is not inside /m [ Failed ]");
    const unmounted = initWith(names, `  earlySetup() || rescueShell("no early setup");\n  pivotRoot("/m", "/m/old") || rescueShell("no pivot");\n  rescueShell("end");`);
    const r2 = await boot(unmounted, { dirs: ["/m/old"] });
    expect(expectRescue(r2)).toContain("init.ts:4: pivotRoot: /m is not a mount point [ Failed ]");
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
