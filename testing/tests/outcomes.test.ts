import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { simulate } from "../index.ts";
import { busyboxUsage, fixture, inlineInit, newRootFiles } from "./helpers.ts";

describe("outcomes", () => {
  it("ends at switch_root without switching, run as PID 1 into a mounted new root", async () => {
    const execd = await simulate(inlineInit("mount -t tmpfs tmpfs /newroot; exec switch_root /newroot /sbin/init --single 'a b'"), { files: newRootFiles() });
    expect(execd.outcome).toEqual({ kind: "switch_root", argv: ["switch_root", "/newroot", "/sbin/init", "--single", "a b"], pid1: true });
    expect(execd.console).toBe("");
  });

  it("refuses switch_root as busybox does: not PID 1, not a mount point, a missing directory", async () => {
    const usage = await busyboxUsage("switch_root");
    const child = await simulate(
      inlineInit(
        [
          'switch_root /nowhere /sbin/init; echo "rc=$?"',
          'switch_root /newroot /sbin/init; echo "rc=$?"', // a directory of the initramfs
          "mount -t tmpfs tmpfs /newroot",
          'switch_root /newroot /sbin/init; echo "rc=$?"', // a mount point, but not PID 1
          "exec reboot -f",
        ].join("\n"),
      ),
      { files: newRootFiles() },
    );
    expect(child.console).toBe(`switch_root: can't change directory to '/nowhere': No such file or directory\nrc=1\n${usage}rc=1\n${usage}rc=1\n`);
    expect(child.outcome.kind).toBe("reboot");
  });

  it("a switch_root that fails after exec is PID 1 exiting: a panic", async () => {
    const files = newRootFiles();
    for (const [body, message] of [
      ["mkdir -p /newroot; exec switch_root /newroot /sbin/init", await busyboxUsage("switch_root")],
      // A bind of /newroot on itself is a mount point, but of the initramfs's own device.
      ["mount --bind /newroot /newroot; exec switch_root /newroot /sbin/init", await busyboxUsage("switch_root")],
      ["mount -t tmpfs tmpfs /newroot; exec switch_root /newroot /sbin/nope", "switch_root: can't execute '/sbin/nope': No such file or directory\n"],
      ["mount -t tmpfs tmpfs /mnt; exec switch_root /mnt/newroot /sbin/init", "switch_root: error moving root: Invalid argument\n"],
    ]) {
      const run = await simulate(inlineInit(body!), { files: { ...files, ...newRootFiles("/mnt/newroot") } });
      expect(run.outcome).toEqual({ kind: "panic", status: 1 });
      expect(run.console).toBe(message);
    }
  });

  it("counts rescue shell starts: it ends the run at the first start by default", async () => {
    const run = await simulate(fixture("rescue-loop.sh"), {});
    expect(run.outcome).toEqual({ kind: "rescue", argv: ["sh"], starts: 1 });
    expect(run.console).toBe("cannot find root\n");
    expect(run.trace.map((t) => t.argv)).toEqual([["setsid", "cttyhack", "sh"], ["cttyhack", "sh"], ["sh"]]);
  });

  it("lets the rescue shell exit N times so the init's restart loop shows", async () => {
    const run = await simulate(fixture("rescue-loop.sh"), { rescueShellExits: 2 });
    expect(run.outcome).toEqual({ kind: "rescue", argv: ["sh"], starts: 3 });
    expect(run.console).toBe("cannot find root\n" + "rescue shell exited, restarting\n".repeat(2));
  });

  it("reports a panic when the init exits, with its status", async () => {
    const run = await simulate(fixture("exits.sh"), {});
    expect(run.outcome).toEqual({ kind: "panic", status: 3 });
    expect(run.console).toBe("bye\n");
    const offTheEnd = await simulate(inlineInit("echo done"), {});
    expect(offTheEnd.outcome).toEqual({ kind: "panic", status: 0 });
    const badExec = await simulate(inlineInit("exec /sbin/init"), {});
    expect(badExec.outcome).toEqual({ kind: "panic", status: 127 });
    expect(badExec.console).toBe("/init: 3: exec: /sbin/init: not found\n");
  });

  it("looks for NEW_INIT inside the new root as the kernel's execve does", async () => {
    const elf = { content: "\u007fELF stub\n", mode: 0o755 };
    const cases: [string, Record<string, { content: string; mode: number }>, string][] = [
      // An absolute symbolic link resolves inside the new root, as after its chroot.
      ["ln -s /lib/systemd/systemd /newroot/sbin/init", { "/newroot/lib/systemd/systemd": elf }, ""],
      ["ln -s ../lib/systemd/systemd /newroot/sbin/init", { "/newroot/lib/systemd/systemd": elf }, ""],
      ["ln -s /lib/systemd/systemd /newroot/sbin/init", { "/lib/systemd/systemd": elf }, "No such file or directory"],
      [":", { "/newroot/sbin/init": { content: "#!/bin/bash\n", mode: 0o755 }, "/newroot/bin/sh": elf }, "No such file or directory"],
      [":", { "/newroot/sbin/init": { content: "\u007fELF", mode: 0o644 } }, "Permission denied"],
      [":", { "/newroot/sbin/init": { content: "", mode: 0o755 } }, "Exec format error"],
      ["mkdir -p /newroot/sbin/init", {}, "Permission denied"],
    ];
    for (const [setup, files, error] of cases) {
      const run = await simulate(inlineInit(`mkdir -p /newroot/sbin\n${setup}\nmount -t tmpfs tmpfs /newroot\nexec switch_root /newroot /sbin/init`), { files });
      if (error === "") {
        expect(run.outcome, `${setup} ${JSON.stringify(files)}`).toEqual({ kind: "switch_root", argv: ["switch_root", "/newroot", "/sbin/init"], pid1: true });
      } else {
        expect(run.outcome, `${setup} ${JSON.stringify(files)}`).toEqual({ kind: "panic", status: 1 });
        expect(run.console).toBe(`switch_root: can't execute '/sbin/init': ${error}\n`);
      }
    }
  });

  it("reports chroot as exec, and reboot, poweroff and halt -f", async () => {
    const run = await simulate(inlineInit("exec chroot /r /sbin/init"), { files: newRootFiles("/r") });
    expect(run.outcome).toEqual({ kind: "exec", argv: ["chroot", "/r", "/sbin/init"], pid1: true });
    const missing = await simulate(inlineInit("exec chroot /r /sbin/init"), { dirs: ["/r"] });
    expect(missing.outcome).toEqual({ kind: "panic", status: 127 });
    expect(missing.console).toBe("chroot: can't execute '/sbin/init': No such file or directory\n");
    for (const kind of ["reboot", "poweroff", "halt"] as const) {
      const r = await simulate(inlineInit(`${kind} -f; echo unreachable`), {});
      expect(r.outcome).toEqual({ kind, argv: [kind, "-f"] });
      expect(r.console).toBe("");
    }
  });

  it("reboot without -f only signals PID 1, as busybox's does: a shell without a trap ignores it", async () => {
    const ignored = await simulate(inlineInit('reboot; echo "still here, rc=$?"\nexec poweroff'), {});
    // exec'ed, poweroff is PID 1 signalling itself: nothing happens, then PID 1 exits.
    expect(ignored.console).toBe("still here, rc=0\n");
    expect(ignored.outcome).toEqual({ kind: "panic", status: 0 });
    const trapped = await simulate(inlineInit("trap 'exec reboot -f' TERM\nreboot\necho 'after the trap'\nexec halt -f"), {});
    expect(trapped.outcome).toEqual({ kind: "reboot", argv: ["reboot", "-f"] });
  });

  it("stops at the time limit and kills every process of the machine", async () => {
    const marker = `SIMTEST${process.pid}x${Date.now()}`;
    const started = performance.now();
    const run = await simulate(fixture("spin.sh"), { timeoutMs: 1000, env: { MARKER: marker } });
    expect(run.outcome).toEqual({ kind: "timeout" });
    expect(run.console).toBe("spinning\n");
    expect(performance.now() - started).toBeLessThan(4000);
    // No process that inherited the init's environment survives.
    const survivors = readdirSync("/proc").filter((pid) => {
      if (!/^\d+$/.test(pid)) return false;
      try {
        return readFileSync(`/proc/${pid}/environ`).includes(`MARKER=${marker}`);
      } catch {
        return false;
      }
    });
    expect(survivors).toEqual([]);
  });
});
