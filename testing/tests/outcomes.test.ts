import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { simulate } from "../index.ts";
import { fixture, inlineInit } from "./helpers.ts";

describe("outcomes", () => {
  it("ends at switch_root without switching, and tells whether it ran as PID 1", async () => {
    const execd = await simulate(inlineInit("mkdir /newroot; exec switch_root /newroot /sbin/init --single 'a b'"), {});
    expect(execd.outcome).toEqual({ kind: "switch_root", argv: ["switch_root", "/newroot", "/sbin/init", "--single", "a b"], pid1: true });
    const child = await simulate(inlineInit("mkdir /newroot; switch_root /newroot /sbin/init; echo unreachable"), {});
    expect(child.outcome).toEqual({ kind: "switch_root", argv: ["switch_root", "/newroot", "/sbin/init"], pid1: false });
    expect(child.console).toBe("");
  });

  it("refuses switch_root into a missing directory, like the real one", async () => {
    const run = await simulate(inlineInit('switch_root /newroot /sbin/init; echo "rc=$?"; exec reboot'), {});
    expect(run.console).toBe("switch_root: failed to change directory to /newroot: No such file or directory\nrc=1\n");
    expect(run.outcome.kind).toBe("reboot");
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

  it("reports chroot as exec, and reboot, poweroff and halt", async () => {
    const run = await simulate(inlineInit("mkdir /r; exec chroot /r /sbin/init"), {});
    expect(run.outcome).toEqual({ kind: "exec", argv: ["chroot", "/r", "/sbin/init"], pid1: true });
    for (const kind of ["reboot", "poweroff", "halt"] as const) {
      const r = await simulate(inlineInit(`${kind} -f; echo unreachable`), {});
      expect(r.outcome).toEqual({ kind, argv: [kind, "-f"] });
      expect(r.console).toBe("");
    }
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
