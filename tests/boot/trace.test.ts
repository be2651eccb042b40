/**
 * The `debug` kernel parameter traces every external command with the TypeScript line it
 * came from, and an exec that cannot start drops an init into the rescue shell.
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { helperLibrary } from "../../compiler/runtime/library.ts";
import { TRACE_BARE_CHARS } from "../../compiler/runtime/trace.ts";
import { printScript } from "../../compiler/sh/printer.ts";
import { SHELLS } from "../differential/harness.ts";
import { argvs, boot, compileInit, EARLY_MOUNTS, expectRescue, initWith, plain, RESCUE_SHELL, shellcheck } from "./helpers.ts";

const names = "cmdline, earlySetup, exec, modprobe, rescueShell, run";
const init = initWith(
  names,
  [
    `  earlySetup() || rescueShell("no early setup");`,
    `  void cmdline.flag("quiet"); // reads the command line`,
    `  run("mdev", "-s") || rescueShell("no mdev");`,
    `  modprobe("ext4") || rescueShell("no ext4");`,
    `  exec("/sbin/nope", "--now");`,
  ].join("\n"),
);

describe("tracing with debug", () => {
  it("is off without debug", async () => {
    const r = await boot(init, {});
    expect(plain(r.console)).not.toContain("+ ");
  });

  it("prints every command after the command line is read, with the user's line", async () => {
    const r = await boot(init, { cmdline: "debug" });
    const lines = plain(r.console).split("\n").filter((l) => l.startsWith("+ "));
    // earlySetup reads the command line right after mounting /proc: what follows is traced.
    expect(lines).toEqual([
      "+ init.ts:3: mount -t sysfs sysfs /sys",
      "+ init.ts:3: mount -t devtmpfs devtmpfs /dev",
      "+ init.ts:5: mdev -s",
      "+ init.ts:6: modprobe ext4",
      "+ init.ts:7: exec /sbin/nope --now",
      "+ init.ts:7: setsid -c sh",
    ]);
  });

  it("rd.debug does the same, and quiet lookups are traced too", async () => {
    const lookup = initWith("earlySetup, rescueShell, waitForDevice", `  earlySetup() || rescueShell("no early setup");\n  waitForDevice("LABEL=root", 0) ?? rescueShell("no root");\n  rescueShell("end");`);
    const r = await boot(lookup, { cmdline: "rd.debug", devices: [{ name: "vda", label: "root", type: "ext4" }] });
    expect(plain(r.console).split("\n").filter((l) => l.startsWith("+ "))).toContain("+ init.ts:4: findfs LABEL=root");
  });

  it("quotes an argument with a space, so the split shows: findfs 'LABEL=my root' is one argument", async () => {
    const lookup = initWith("earlySetup, rescueShell, waitForDevice", `  earlySetup() || rescueShell("no early setup");\n  waitForDevice("LABEL=my root", 0) ?? rescueShell("no root");\n  rescueShell("end");`);
    const r = await boot(lookup, { cmdline: "rd.debug", devices: [{ name: "vda", label: "my root", type: "ext4" }] });
    expect(plain(r.console).split("\n").filter((l) => l.startsWith("+ "))).toContain("+ init.ts:4: findfs 'LABEL=my root'");
    expect(argvs(r)).toContainEqual(["findfs", "LABEL=my root"]);
  });
});

describe("the trace's quoting under the six shells", () => {
  it("__trquote shows bare exactly the characters testing/quote.ts does (TRACE_BARE_CHARS)", () => {
    expect(printScript(helperLibrary().get("__trquote")!.commands)).toContain(`*[!${TRACE_BARE_CHARS}]*)`);
  });

  // Each argument bare when it holds only characters sh never treats specially, else in single
  // quotes with ' written '\'' (as set -x shows it): the line reads back as the same argv.
  const args = ["LABEL=my root", "", "plain/path,a:b=c@d%e+f-g.h_9", "it's", "'", "a''b", "$(id) ${HOME} *", "tab\there", "two\nlines", "back\\slash", "-"];
  const program = compileInit(`
import { exec, run, traceCommands } from "initsh";
traceCommands(true);
if (!run("true", ${JSON.stringify(args).slice(1, -1)})) console.log("run failed");
const words: string[] = ["one", "two words", ""];
if (!run("true", ...words)) console.log("run failed");
exec("true", "x y");
`);
  const shown = ["'LABEL=my root'", "''", "plain/path,a:b=c@d%e+f-g.h_9", "'it'\\''s'", "''\\'''", "'a'\\'''\\''b'", "'$(id) ${HOME} *'", "'tab\there'", "'two\nlines'", "'back\\slash'", "-"];
  const expected = [`+ init.ts:4: true ${shown.join(" ")}`, "+ init.ts:6: true one 'two words' ''", "+ init.ts:7: exec true 'x y'", ""].join("\n");

  it("the program is clean under shellcheck", async () => {
    expect(await shellcheck(program.path)).toBe("");
  });
  it("each shown argument, read back by sh, is the argument", () => {
    const r = spawnSync("sh", ["-c", `for a in ${shown.join(" ")}; do printf '%s\\0' "$a"; done`], { encoding: "utf8" });
    expect(r.stdout.split("\0").slice(0, -1)).toEqual(args);
  });
  for (const shell of SHELLS) {
    it.skipIf(shell.exe === undefined)(shell.name, () => {
      const r = spawnSync(shell.exe!, [...shell.args, program.path], { env: { PATH: "/usr/bin:/bin" }, encoding: "utf8" });
      expect(r.stderr).toBe(expected);
      expect(r.status).toBe(0);
    });
  }
});

describe("exec in an init", () => {
  it("a program that cannot be started: the rescue shell, never a panic", async () => {
    const r = await boot(init, {});
    expect(argvs(r)).toEqual([...EARLY_MOUNTS, ["mdev", "-s"], ["modprobe", "ext4"], ...RESCUE_SHELL]);
    const text = expectRescue(r);
    expect(text).toContain("init.ts:7: cannot execute /sbin/nope");
    expect(text).toContain("init.ts:7: cannot execute /sbin/nope [ Failed ]");
  });

  it("a program that exists replaces the init (PID 1)", async () => {
    const r = await boot(init, { files: { "/sbin/nope": { content: "#!/bin/sh\nreboot -f\n", mode: 0o755 } } });
    expect(argvs(r).slice(-2)).toEqual([["sh", "/sbin/nope", "--now"], ["reboot", "-f"]]);
    expect(r.outcome).toEqual({ kind: "reboot", argv: ["reboot", "-f"] });
  });
});
