import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { workBase } from "../fakeRoot.ts";
import { simulate } from "../index.ts";
import { fixture, hasBlockNode, inlineInit } from "./helpers.ts";

describe("isolation", () => {
  it("keeps every write inside the fake root; the borrowed binaries are read-only", async () => {
    const name = `initsh-sim-escape-${process.pid}-${Date.now()}`;
    const run = await simulate(fixture("writes.sh"), { cmdline: name });
    expect(run.console).toBe(
      [
        `read back /tmp/${name}`,
        `read back /etc/${name}`,
        `read back /${name}/file`,
        `made /var/${name}/deep`,
        "/init: 15: cannot create /.sim/kit/sh/lib.sh: Read-only file system",
        "/init: 16: cannot create /.sim/kit/bin/dash: Read-only file system",
        "",
      ].join("\n"),
    );
    for (const path of [`/tmp/${name}`, `/etc/${name}`, `/var/${name}`, `/${name}`]) expect(existsSync(path)).toBe(false);
    expect(run.outcome.kind).toBe("poweroff");
  });

  it("shows the init a bare root: only shims on PATH, a fake /proc, /dev and /sys", async () => {
    const run = await simulate(
      inlineInit(
        [
          "for d in /bin /sbin /usr/bin /usr/sbin /usr/local/bin /lib/modules /etc /home /root /tmp /var; do",
          '  [ -e "$d" ] && echo "exists $d"',
          "done",
          "[ -L /bin ] && [ -L /sbin ] && echo usrmerged",
          "[ -x /bin/mount ] && [ -x /sbin/switch_root ] && [ -x /usr/bin/sh ] && echo shims",
          "[ -e /bin/bash ] || [ -e /usr/bin/python3 ] || [ -e /bin/ls.real ] || echo 'no host binaries'",
          "for f in /dev/*; do echo \"dev $f\"; done",
          "for f in /proc/*; do echo \"proc $f\"; done",
          "exec reboot -f",
        ].join("\n"),
      ),
      { devices: [{ name: "vda" }] },
    );
    expect(run.console).toBe(
      [
        "exists /bin",
        "exists /sbin",
        "exists /usr/bin",
        "exists /usr/sbin",
        "usrmerged",
        "shims",
        "no host binaries",
        "dev /dev/console",
        "dev /dev/null",
        "dev /dev/vda",
        "proc /proc/cmdline",
        "proc /proc/filesystems",
        "proc /proc/meminfo",
        "proc /proc/mounts",
        "proc /proc/partitions",
        "proc /proc/self",
        "",
      ].join("\n"),
    );
  });

  it("backs device nodes with a block device that holds no data", async () => {
    const run = await simulate(inlineInit('echo x >/dev/vda 2>/dev/console; echo "write rc=$?"\nread -r l </dev/vda; echo "read rc=$?"\nexec reboot -f'), {
      devices: [{ name: "vda" }],
    });
    // Unattached loop device: writes fail, reads see nothing. (Without a usable loop device on
    // the host, devices are empty regular files: the write lands harmlessly inside the root.)
    expect(run.console).toBe(hasBlockNode ? "/init: 3: echo: echo: I/O error\nwrite rc=1\nread rc=1\n" : "write rc=0\nread rc=0\n");
  });

  it("removes its work folder after the run", async () => {
    const base = mkdtempSync(join(tmpdir(), "initsh-sim-base-"));
    const saved = process.env.INITSH_SIM_TMPDIR;
    process.env.INITSH_SIM_TMPDIR = base;
    try {
      expect(workBase()).toBe(base);
      const run = await simulate(inlineInit("mkdir -p /a/b; echo x >/a/b/c; exec reboot -f"), { devices: [{ name: "vda" }] });
      expect(run.outcome.kind).toBe("reboot");
      expect(readdirSync(base)).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.INITSH_SIM_TMPDIR;
      else process.env.INITSH_SIM_TMPDIR = saved;
      rmSync(base, { recursive: true, force: true });
    }
  });
});
