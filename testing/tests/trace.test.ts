import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { simulate } from "../index.ts";
import { argvs, fixture, inlineInit } from "./helpers.ts";

describe("the trace", () => {
  it("records every argument byte for byte and evaluates none of them", async () => {
    const run = await simulate(fixture("hostile-args.sh"), {});
    expect(argvs(run)).toEqual([
      ["mount", "-t", "ext4", "-o", "ro,data=ordered", "/dev/disk with space", `/mnt/it's "quoted"`],
      ["cat", "$(reboot)", "`reboot`", "*", "", "line1\nline2", "tab\there", "back\\slash", "ünïcødé", "a\u0001b", "-n", "--", "'"],
      ["poweroff", "-f"],
    ]);
    // `$(reboot)` was data: the run ended at poweroff, not reboot.
    expect(run.outcome).toEqual({ kind: "poweroff", argv: ["poweroff", "-f"] });
  });

  it("treats a command that is not shimmed as missing, as on a bare initramfs, and runs nothing on the host", async () => {
    const marker = join(tmpdir(), `initsh-sim-not-run-${process.pid}-${Date.now()}`);
    const run = await simulate(fixture("not-shimmed.sh"), { cmdline: marker });
    expect(run.console).toBe(
      ["/init: 4: id: not found", "/init: 6: install: not found", "/init: 7: /usr/bin/env: not found", "still here", ""].join("\n"),
    );
    expect(argvs(run)).toEqual([["reboot", "-f"]]);
    expect(existsSync(marker)).toBe(false);
  });

  it("applies command overrides in order, before the defaults, at most `times` times", async () => {
    const run = await simulate(
      inlineInit(
        [
          "modprobe virtio_blk; echo \"rc=$?\"",
          "modprobe virtio_blk; echo \"rc=$?\"",
          'host=$(cat /etc/hostname); echo "host=[$host]"',
          "plymouth --ping; echo \"rc=$?\"",
          "exec switch_root /newroot /sbin/init",
          "echo \"switch_root failed: rc=$?\"",
          "exec reboot -f",
        ].join("\n"),
      ),
      {
        commands: [
          { prefix: ["modprobe", "virtio_blk"], exit: 1, stderr: "modprobe: boom\n", times: 1 },
          { argv: ["cat", "/etc/hostname"], stdout: "box\n" },
          { argv: ["plymouth", "--ping"], exit: 1 },
          { prefix: ["switch_root"], exit: 1, stderr: "switch_root: refused\n" },
        ],
      },
    );
    expect(run.console).toBe("modprobe: boom\nrc=1\nrc=0\nhost=[box]\nrc=1\nswitch_root: refused\n");
    // An override does not end the run, even for a command that normally would. `exec`
    // made the shim PID 1, so its failing exit is PID 1 exiting: a panic.
    expect(run.outcome).toEqual({ kind: "panic", status: 1 });
  });

  it("makes generic commands and extra names log and succeed silently", async () => {
    const run = await simulate(inlineInit("udevadm settle; my-tool --flag; echo \"rc=$?\"; exec halt -f"), {
      extraCommands: ["my-tool"],
    });
    expect(run.console).toBe("rc=0\n");
    expect(argvs(run)).toEqual([["udevadm", "settle"], ["my-tool", "--flag"], ["halt", "-f"]]);
    expect(run.outcome).toEqual({ kind: "halt", argv: ["halt", "-f"] });
  });

  it("runs busybox's own file utilities on the fake root, after tracing them", async () => {
    const run = await simulate(
      inlineInit(
        [
          "cat /proc/cmdline",
          "mkdir -p /a && echo one >/a/f && cp -a /a /b && cat /b/f",
          "sed -n 's/quiet/QUIET/p' /proc/cmdline",
          'cp /nowhere /b; echo "rc=$?"',
          "ls /b",
          "exec halt -f",
        ].join("\n"),
      ),
      { cmdline: "root=/dev/vda quiet" },
    );
    expect(run.console).toBe("root=/dev/vda quiet\none\nroot=/dev/vda QUIET\ncp: can't stat '/nowhere': No such file or directory\nrc=1\nf\n");
    expect(argvs(run).map((a) => a[0])).toEqual(["cat", "mkdir", "cp", "cat", "sed", "cp", "ls", "halt"]);
  });

  it("fails modprobe for missing modules, treating - and _ alike", async () => {
    const run = await simulate(
      inlineInit(
        [
          "modprobe ext4; echo \"ext4 rc=$?\"",
          "modprobe dm_crypt; echo \"dm_crypt rc=$?\"",
          "modprobe -q dm-crypt; echo \"quiet rc=$?\"",
          "modprobe -a virtio_pci dm-crypt; echo \"all rc=$?\"",
          "exec reboot -f",
        ].join("\n"),
      ),
      { missingModules: ["dm-crypt"] },
    );
    expect(run.console).toBe(
      [
        "ext4 rc=0",
        "modprobe: module dm_crypt not found in modules.dep",
        "dm_crypt rc=1",
        "quiet rc=1",
        "modprobe: module dm-crypt not found in modules.dep",
        "all rc=1",
        "",
      ].join("\n"),
    );
  });

  it("runs sh -c and sh SCRIPT under dash, tracing their commands too", async () => {
    const run = await simulate(
      inlineInit("sh -c 'modprobe \"$1\"' sh loop\necho 'findfs LABEL=none' >/run-me\nsh /run-me\necho \"rc=$?\"\nexec reboot -f"),
      { dirs: [] },
    );
    expect(argvs(run)).toEqual([["sh", "-c", 'modprobe "$1"', "sh", "loop"], ["modprobe", "loop"], ["sh", "/run-me"], ["findfs", "LABEL=none"], ["reboot", "-f"]]);
    expect(run.console).toBe("rc=1\n");
  });
});
