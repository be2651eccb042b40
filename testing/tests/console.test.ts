import { describe, expect, it } from "vitest";
import { simulate } from "../index.ts";
import { fixture, inlineInit } from "./helpers.ts";

describe("console, command line and process", () => {
  it("gives the init /proc/cmdline, PID 1, the kernel's environment and an ordered console", async () => {
    const run = await simulate(fixture("console-basics.sh"), {
      cmdline: 'root=LABEL=root quiet init=/sbin/init x="a b"',
      console: ["hello there"],
    });
    expect(run.console).toBe(
      [
        "pid=1",
        'cmdline=[root=LABEL=root quiet init=/sbin/init x="a b"]',
        // The kernel sets no PATH; dash falls back to its built-in default.
        "env HOME=/ TERM=linux PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
        "out1",
        "err1",
        "out2",
        "no newline translation:\r|",
        "no /dev/tty",
        "say something: you said [hello there]",
        "",
      ].join("\n"),
    );
    expect(run.outcome).toEqual({ kind: "reboot", argv: ["reboot", "-f"] });
    expect(run.trace).toEqual([{ argv: ["reboot", "-f"], time: 0 }]);
  });

  it("passes scenario environment variables to the init", async () => {
    const run = await simulate(inlineInit('printf "%s|%s\\n" "$ROOTDEV" "$SPACED"; exec reboot -f'), {
      env: { ROOTDEV: "/dev/vda1", SPACED: "a b\nc" },
    });
    expect(run.console).toBe("/dev/vda1|a b\nc\n");
  });

  it("hands console lines to successive reads, and an unanswered read waits", async () => {
    const run = await simulate(inlineInit("while IFS= read -r l; do echo \"<$l>\"; done; echo never"), {
      console: ["one", "  two  ", ""],
      timeoutMs: 1500,
    });
    expect(run.console).toBe("<one>\n<  two  >\n<>\n");
    expect(run.outcome).toEqual({ kind: "timeout" });
  });

  it("keeps stdout and stderr of shims in console order", async () => {
    const run = await simulate(inlineInit("echo before; mount /dev/nope /mnt; echo after; exec reboot -f"), {});
    expect(run.console).toBe("before\nmount: mounting /dev/nope on /mnt failed: No such file or directory\nafter\n");
  });
});
