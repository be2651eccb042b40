/** mount, mount.bind/move/remount, umount and earlySetup on the simulated machine. */
import { describe, expect, it } from "vitest";
import { argvs, boot, EARLY_MOUNTS, expectRescue, initWith, RESCUE_SHELL } from "./helpers.ts";

const names = "earlySetup, mount, rescueShell, umount";

describe("mount", () => {
  it("mounts a /dev device, creating the mount point", async () => {
    const init = initWith(names, `  mount("/dev/vda", "/newroot", { type: "ext4" }) || rescueShell("no root");\n  rescueShell("end");`);
    const r = await boot(init, { devices: [{ name: "vda", type: "ext4" }] });
    expect(argvs(r)).toEqual([["mkdir", "-p", "/newroot"], ["mount", "-t", "ext4", "/dev/vda", "/newroot"], ...RESCUE_SHELL]);
    expect(r.mounts).toContainEqual({ source: "/dev/vda", target: "/newroot", type: "ext4", options: "" });
    expect(expectRescue(r)).toContain("end [ Failed ]");
  });

  it("looks up a LABEL= device with findfs first", async () => {
    const init = initWith(names, `  mount("LABEL=root", "/newroot", { type: "ext4", readonly: true, options: ["noatime"] }) || rescueShell("no root");\n  rescueShell("end");`);
    const r = await boot(init, { devices: [{ name: "vda1", label: "root", type: "ext4" }], dirs: ["/newroot"] });
    expect(argvs(r)).toEqual([["findfs", "LABEL=root"], ["mount", "-t", "ext4", "-o", "ro,noatime", "/dev/vda1", "/newroot"], ...RESCUE_SHELL]);
  });

  it("passes tmpfs size and mode", async () => {
    const init = initWith(names, `  mount("tmpfs", "/m", { type: "tmpfs", size: "90%", mode: "0755" }) || rescueShell("no tmpfs");\n  rescueShell("end");`);
    const r = await boot(init, { dirs: ["/m"] });
    expect(argvs(r)[0]).toEqual(["mount", "-t", "tmpfs", "-o", "size=90%,mode=0755", "tmpfs", "/m"]);
  });

  it("builds overlay lowerdir, upperdir and workdir", async () => {
    const init = initWith(
      names,
      `  mount("overlay", "/union", { type: "overlay", lower: ["/ro/a", "/ro/b c"], upper: "/rw/up", work: "/rw/work" }) || rescueShell("no overlay");\n  rescueShell("end");`,
    );
    const r = await boot(init, { dirs: ["/union"] });
    expect(argvs(r)[0]).toEqual(["mount", "-t", "overlay", "-o", "lowerdir=/ro/a:/ro/b c,upperdir=/rw/up,workdir=/rw/work", "overlay", "/union"]);
  });

  it("mounts an image file with loop", async () => {
    const init = initWith(names, `  mount("/live/root.sq", "/rootfs", { type: "squashfs", loop: true }) || rescueShell("no image");\n  rescueShell("end");`);
    const r = await boot(init, { dirs: ["/rootfs", "/live"], files: { "/live/root.sq": "" } });
    expect(argvs(r)[0]).toEqual(["mount", "-t", "squashfs", "-o", "loop", "/live/root.sq", "/rootfs"]);
  });

  it("bind, move, remount and umount", async () => {
    const init = initWith(
      names,
      [
        `  mount.bind("/a", "/b") || rescueShell("bind");`,
        `  mount.move("/b", "/c") || rescueShell("move");`,
        `  mount.remount("/c", { readonly: true, options: ["noexec"] }) || rescueShell("remount");`,
        `  umount("/c") || rescueShell("umount");`,
        `  umount("/x", true) || rescueShell("lazy umount");`,
        `  rescueShell("end");`,
      ].join("\n"),
    );
    const r = await boot(init, { dirs: ["/a", "/b", "/c", "/x"], commands: [{ prefix: ["umount", "-l"], exit: 0 }] });
    expect(argvs(r)).toEqual([
      ["mount", "--bind", "/a", "/b"],
      ["mount", "--move", "/b", "/c"],
      ["mount", "-o", "remount,ro,noexec", "/c"],
      ["umount", "/c"],
      ["umount", "-l", "/x"],
      ...RESCUE_SHELL,
    ]);
    expect(expectRescue(r)).toContain("end [ Failed ]");
  });

  it("a device that is not there: the failure names the source line, then the rescue shell", async () => {
    const init = initWith(names, `  mount("/dev/vdb", "/newroot", { type: "ext4" }) || rescueShell("no root filesystem");\n  rescueShell("not reached");`);
    const r = await boot(init, { devices: [{ name: "vda", type: "ext4" }], dirs: ["/newroot"] });
    const text = expectRescue(r);
    expect(text).toContain("init.ts:3: mount /dev/vdb on /newroot failed [ Failed ]");
    expect(text).toContain("no root filesystem [ Failed ]");
    expect(text).not.toContain("not reached");
    expect(r.mounts.filter((m) => m.target === "/newroot")).toEqual([]);
  });

  it("a LABEL that matches nothing: no mount is tried", async () => {
    const init = initWith(names, `  mount("LABEL=nope", "/newroot", { type: "ext4" }) || rescueShell("no root filesystem");\n  rescueShell("end");`);
    const r = await boot(init, { devices: [{ name: "vda", label: "root", type: "ext4" }], dirs: ["/newroot"] });
    expect(argvs(r)).toEqual([["findfs", "LABEL=nope"], ...RESCUE_SHELL]);
    expect(expectRescue(r)).toContain("init.ts:3: mount LABEL=nope on /newroot: no such device [ Failed ]");
  });
});

describe("mount.isMounted", () => {
  it("reads /proc/mounts without a fork, spaces included", async () => {
    const init = initWith(
      "log, mount, rescueShell",
      [
        `  mount("tmpfs", "/a b", { type: "tmpfs" }) || rescueShell("no tmpfs");`,
        `  log.info(\`/a b: \${mount.isMounted("/a b")} /a: \${mount.isMounted("/a")} /: \${mount.isMounted("/")}\`);`,
        `  rescueShell("end");`,
      ].join("\n"),
    );
    const r = await boot(init, { dirs: ["/a b", "/a"] });
    expect(argvs(r)).toEqual([["mount", "-t", "tmpfs", "tmpfs", "/a b"], ...RESCUE_SHELL]);
    expect(expectRescue(r)).toContain("/a b: true /a: false /: true"); // the simulated root is listed, as rootfs is
  });
});

describe("earlySetup", () => {
  it("mounts /proc, /sys, /dev and takes the console", async () => {
    const init = initWith(names, `  earlySetup() || rescueShell("no early setup");\n  rescueShell("end");`);
    const r = await boot(init, { dirs: ["/proc", "/sys", "/dev"] });
    expect(argvs(r)).toEqual([...EARLY_MOUNTS, ...RESCUE_SHELL]);
    expect(r.console).not.toContain("console");
  });

  it("stops at the first mount that fails", async () => {
    const init = initWith(names, `  earlySetup() || rescueShell("no early setup");\n  rescueShell("end");`);
    const r = await boot(init, { commands: [{ prefix: ["mount", "-t", "sysfs"], exit: 32, stderr: "mount: permission denied\n" }] });
    expect(argvs(r)).toEqual([EARLY_MOUNTS[0], EARLY_MOUNTS[1], ...RESCUE_SHELL]);
    expect(expectRescue(r)).toContain("no early setup [ Failed ]");
  });
});
