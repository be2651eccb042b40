/**
 * The machine under both shells: `shell: "busybox"` runs the init under busybox ash (Debian's
 * dynamically linked busybox, fetched on first use), and everything the harness does — trace,
 * console, outcomes, mounts, the pseudo filesystems — is the same as under dash. Only what
 * the shell itself prints differs, and the comparisons below say exactly where.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { ensureBusybox } from "../busybox.ts";
import { runSimulateCommand } from "../cli.ts";
import { findExecutable, hostTools, linkage, loaderSupportsArgv0 } from "../host.ts";
import { simulate } from "../index.ts";
import type { InitInput, Outcome, Scenario, SimResult } from "../types.ts";
import { argvs, fixture, hasBlockNode, inlineInit, newRootFiles } from "./helpers.ts";

const examples = new URL("../../examples/", import.meta.url).pathname;

/** The same machine as in the other tests: a root on vda1 plus some other disks. */
const disks = [
  { name: "vda" },
  { name: "vda1", label: "root", uuid: "1111-aaaa", type: "ext4", partuuid: "5b1d2c3e-0a4f-4b6e-9c8d-7e6f5a4b3c2d", partlabel: "system" },
  { name: "vda2", uuid: "2222-bbbb", type: "swap" },
  { name: "vdc", label: 'my "odd" \\ label', type: "vfat" },
];
const luksDisk = { name: "vda2", luks: { passphrase: "secret", contents: { type: "ext4", label: "root", uuid: "5555-root" } } };
const newRoot: Scenario = {
  files: newRootFiles(),
  dirs: ["/newroot/dev", "/newroot/proc", "/newroot/sys"],
};

/**
 * What a shell itself prints differently, turned into dash's words, so that what is left to
 * compare is the harness's doing: busybox says `/init: line 4: foo: not found` where dash
 * says `/init: 4: foo: not found` (and `can't create` for `cannot create`), and with no PATH
 * from the kernel each uses its own default.
 */
function asDash(text: string): string {
  return text
    .replace(/^(\/init|sh|ash): line (\d+): /gm, "$1: $2: ")
    .replace(/: can't create /g, ": cannot create ")
    .replaceAll("PATH=/sbin:/usr/sbin:/bin:/usr/bin", "PATH=<default>");
}
const dashDefaults = (text: string) => text.replaceAll("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "PATH=<default>");

/** The parts of a run that must not depend on the shell (durationMs does). */
function comparable(run: SimResult, normalise: (text: string) => string) {
  return { outcome: run.outcome, trace: run.trace, mounts: run.mounts, console: normalise(run.console) };
}

/** Fixture inits and scenarios taken from the other tests, plus a compiled example init. */
const cases: { name: string; init: () => InitInput; scenario: Scenario; ends: Outcome["kind"]; needsBlock?: boolean }[] = [
  {
    name: "wait-for-root.sh: a root that appears late, /proc, /sys and /dev mounted",
    ends: "switch_root",
    init: () => fixture("wait-for-root.sh"),
    scenario: { ...newRoot, devices: [{ name: "vda", label: "boot", type: "vfat" }, { name: "vdb", label: "root", type: "ext4", appearsAfter: 1.2 }] },
    needsBlock: true,
  },
  { name: "wait-for-root.sh: gives up into the rescue shell", ends: "rescue", init: () => fixture("wait-for-root.sh"), scenario: { devices: [{ name: "vdb", appearsAfter: 60 }] } },
  { name: "blkid-queries.sh: findfs and blkid", ends: "reboot", init: () => fixture("blkid-queries.sh"), scenario: { devices: disks } },
  {
    name: "luks-prompt.sh: a wrong then the right passphrase",
    ends: "switch_root",
    init: () => fixture("luks-prompt.sh"),
    scenario: { ...newRoot, devices: [luksDisk], console: ["wrong", "secret"] },
  },
  { name: "luks-prompt.sh: too many tries", ends: "rescue", init: () => fixture("luks-prompt.sh"), scenario: { devices: [luksDisk], console: ["a", "b", "c", "secret"] } },
  { name: "hostile-args.sh: argv byte for byte", ends: "poweroff", init: () => fixture("hostile-args.sh"), scenario: {} },
  {
    name: "console-basics.sh: cmdline, PID 1, environment, console order and input",
    ends: "reboot",
    init: () => fixture("console-basics.sh"),
    scenario: { cmdline: 'root=LABEL=root quiet x="a b"', console: ["hello there"] },
  },
  { name: "not-shimmed.sh: commands a bare initramfs lacks", ends: "reboot", init: () => fixture("not-shimmed.sh"), scenario: { cmdline: "/nonexistent-initsh-marker" } },
  {
    name: "writes.sh: writes stay in the fake root, the kit is read-only",
    ends: "poweroff",
    init: () => fixture("writes.sh"),
    scenario: { cmdline: `initsh-sim-escape-${process.pid}-${Date.now()}` },
  },
  { name: "rescue-loop.sh: the rescue shell exits twice", ends: "rescue", init: () => fixture("rescue-loop.sh"), scenario: { rescueShellExits: 2 } },
  { name: "exits.sh: a panic", ends: "panic", init: () => fixture("exits.sh"), scenario: {} },
  { name: "spin.sh: the time limit", ends: "timeout", init: () => fixture("spin.sh"), scenario: { timeoutMs: 700 } },
  {
    name: "overrides, switch_root refused, and a panic through exec",
    ends: "panic",
    init: () =>
      inlineInit(
        [
          'modprobe virtio_blk; echo "rc=$?"',
          'host=$(cat /etc/hostname); echo "host=[$host]"',
          "sh -c 'modprobe \"$1\"' sh loop",
          "echo 'findfs LABEL=none' >/run-me; sh /run-me; echo \"rc=$?\"",
          "exec switch_root /newroot /sbin/init",
        ].join("\n"),
      ),
    scenario: {
      commands: [
        { prefix: ["modprobe", "virtio_blk"], exit: 1, stderr: "modprobe: boom\n", times: 1 },
        { argv: ["cat", "/etc/hostname"], stdout: "box\n" },
        { prefix: ["switch_root"], exit: 1, stderr: "switch_root: refused\n" },
      ],
    },
  },
  {
    name: "moving /proc, /sys and /dev into the new root, then switch_root",
    ends: "switch_root",
    init: () =>
      inlineInit(
        [
          "mount -t proc proc /proc; mount -t sysfs sysfs /sys; mount -t devtmpfs devtmpfs /dev",
          "mount -o ro LABEL=root /newroot",
          "for fs in dev proc sys; do mount --move /$fs /newroot/$fs; done",
          "for f in /proc/cmdline /newroot/proc/cmdline /dev/console /newroot/dev/console /newroot/sys/class/block/vda1/dev; do [ -e $f ] && echo \"$f\"; done",
          "sleep 2",
          "while read -r a b c name; do echo \"partition $name\"; done </newroot/proc/partitions",
          "umount /newroot/sys; [ -e /newroot/sys/class ] || echo 'sys unmounted'",
          "exec switch_root /newroot /sbin/init",
        ].join("\n"),
      ),
    scenario: { ...newRoot, cmdline: "root=LABEL=root", devices: [...disks.slice(0, 2), { name: "vdd", appearsAfter: 1 }] },
  },
  {
    name: "examples/basic-init.ts, compiled: root by LABEL, switch_root as PID 1",
    ends: "switch_root",
    init: () => ({ source: join(examples, "basic-init.ts") }),
    scenario: { ...newRoot, cmdline: "console=ttyS0 root=LABEL=root quiet", devices: [disks[1]!] },
  },
  {
    name: "examples/basic-init.ts, compiled: a root that never appears, the rescue shell",
    ends: "rescue",
    init: () => ({ source: join(examples, "basic-init.ts") }),
    scenario: { ...newRoot, cmdline: "root=LABEL=root rootdelay=1", devices: [{ name: "sda" }, { name: "sda1", label: "data", type: "ext4" }] },
  },
];

describe("the same machine under dash and busybox ash", () => {
  beforeAll(async () => {
    await ensureBusybox(); // the first fetch, if any, is not a test's time
  }, 120_000);

  for (const c of cases) {
    it.skipIf(c.needsBlock && !hasBlockNode)(c.name, async () => {
      const dash = await simulate(c.init(), c.scenario);
      const busybox = await simulate(c.init(), { ...c.scenario, shell: "busybox" });
      expect(dash.outcome.kind).toBe(c.ends);
      expect(comparable(busybox, asDash)).toEqual(comparable(dash, dashDefaults));
    });
  }

  it("runs the init under busybox ash, and its commands still reach the shims", async () => {
    const scenario: Scenario = { devices: [disks[1]!], files: newRootFiles() };
    const busybox = await simulate(fixture("which-shell.sh"), { ...scenario, shell: "busybox" });
    expect(busybox.console).toBe(
      [
        "has $RANDOM",
        "substring: bcd",
        // No PATH from the kernel: busybox ash's own default.
        "PATH=/sbin:/usr/sbin:/bin:/usr/bin",
        "/init: line 9: nosuch-command: not found",
        "sh -c: $0=sh",
        "substring: s",
        "ash -c: $0=ash",
        "",
      ].join("\n"),
    );
    const dash = await simulate(fixture("which-shell.sh"), scenario);
    // dash gets its name through the loader's --argv0, which glibc has since 2.33.
    const loader = linkage(hostTools().dash).loader;
    const dashName = loader !== undefined && loaderSupportsArgv0(loader) ? "sh" : "/.sim/kit/bin/dash";
    expect(dash.console).toBe(
      [
        "no substring expansion",
        "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
        "/init: 9: nosuch-command: not found",
        `sh -c: $0=${dashName}`,
        "no substring expansion",
        `ash -c: $0=${dashName === "sh" ? "ash" : dashName}`,
        "",
      ].join("\n"),
    );
    for (const run of [busybox, dash]) {
      expect(argvs(run)).toEqual([
        ["sh", "-c", expect.stringContaining("modprobe ext4")],
        ["modprobe", "ext4"],
        ["ash", "-c", 'echo "ash -c: \\$0=$0"'],
        ["busybox", "mount", "-t", "proc", "proc", "/proc"],
        ["mount", "-t", "proc", "proc", "/proc"],
        ["mkdir", "-p", "/newroot"],
        ["mount", "-t", "ext4", "LABEL=root", "/newroot"],
        ["switch_root", "/newroot", "/sbin/init"],
      ]);
      expect(run.outcome).toEqual({ kind: "switch_root", argv: ["switch_root", "/newroot", "/sbin/init"], pid1: true });
      expect(run.mounts).toEqual([
        { source: "proc", target: "/proc", type: "proc", options: "" },
        { source: "/dev/vda1", target: "/newroot", type: "ext4", options: "" },
      ]);
    }
  });

  it("keeps the kit's busybox read-only, and the init has no busybox of its own", async () => {
    const run = await simulate(
      inlineInit("echo x >/.sim/kit/bin/busybox\n[ -L /bin/busybox ] && [ /bin/busybox -ef /bin/mount ] && echo 'busybox is a shim'\nexec reboot -f"),
      { shell: "busybox" },
    );
    expect(run.console).toBe("/init: line 3: can't create /.sim/kit/bin/busybox: Read-only file system\nbusybox is a shim\n");
  });

  it("is chosen on the command line with --shell", async () => {
    const dir = mkdtempSync(join(tmpdir(), "initsh-sim-cli-shell-"));
    try {
      const init = join(dir, "init.sh");
      writeFileSync(init, 'exec >/dev/console 2>&1\necho "${RANDOM:+busybox ash}"\nexec reboot -f\n');
      const { status, stdout } = await cli([init, "--shell", "busybox"]);
      expect(status).toBe(0);
      expect(stdout).toContain("== console\nbusybox ash\n");
      const bad = await cli([init, "--shell", "bash"]);
      expect(bad.status).toBe(2);
      expect(bad.stderr).toContain("--shell is dash or busybox");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("runs dash when the scenario names no shell", async () => {
    const run = await simulate(inlineInit('echo "${RANDOM:-none}"; exec reboot -f'), {});
    expect(run.console).toBe("none\n");
  });

  it("rejects an unknown shell", async () => {
    await expect(simulate(inlineInit("exec reboot -f"), { shell: "bash" as "dash" })).rejects.toThrow('invalid scenario: shell: must be "dash" or "busybox"');
  });
});

describe("obtaining busybox", () => {
  const saved = { ...process.env };
  const scratch = mkdtempSync(join(tmpdir(), "initsh-sim-bb-test-"));
  afterEach(() => {
    for (const key of ["INITSH_SIM_CACHE", "INITSH_SIM_BUSYBOX_PACKAGE", "INITSH_SIM_BUSYBOX"]) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("fails with a message naming the package when it cannot be fetched", async () => {
    process.env.INITSH_SIM_CACHE = join(scratch, "cache");
    process.env.INITSH_SIM_BUSYBOX_PACKAGE = "initsh-no-such-package";
    const error = await simulate(inlineInit("exec reboot -f"), { shell: "busybox" }).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error?.message).toContain('the busybox shell needs the Debian package "initsh-no-such-package"');
    expect(error?.message).toContain("apt-get download initsh-no-such-package");
    // Nothing half-built is left in the cache.
    expect(readdirRecursive(join(scratch, "cache"))).toEqual(["busybox"]);
  });

  it("fails with a clear message when the cache folder cannot be created", async () => {
    writeFileSync(join(scratch, "a-file"), "");
    process.env.INITSH_SIM_CACHE = join(scratch, "a-file", "cache");
    await expect(simulate(inlineInit("exec reboot -f"), { shell: "busybox" })).rejects.toThrow(/busybox.*could not be fetched:\n {2}cannot create the cache folder/s);
  });

  // Debian's busybox-static is a standalone shell.
  const isStatic =
    findExecutable("dpkg-query") !== undefined &&
    spawnSync("dpkg-query", ["-W", "-f", "${Status}", "busybox-static"], { encoding: "utf8" }).stdout === "install ok installed";
  it.skipIf(!isStatic)("refuses a standalone busybox (busybox-static), whose sh would bypass the shims", async () => {
    process.env.INITSH_SIM_BUSYBOX = "/bin/busybox";
    await expect(simulate(inlineInit("exec reboot -f"), { shell: "busybox" })).rejects.toThrow(/sh did not run the `mount` found on PATH \(a standalone busybox shell/);
  });

});

/** Runs the CLI, capturing what it prints. */
async function cli(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const out = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    return { status: await runSimulateCommand(args), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

function readdirRecursive(dir: string): string[] {
  return readdirSync(dir, { recursive: true }).map(String).sort();
}
