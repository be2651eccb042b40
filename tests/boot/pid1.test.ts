/**
 * PID 1 never exits: every run-time failure of an init's own script — a conversion the init
 * checks, a division by zero, a runtime helper's error, the shell stopping — ends in the
 * rescue shell with the source line, never in "panic". (A plain program exits with a
 * message instead: tests/differential covers that.)
 */
import { writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { simulate, type SimResult } from "../../testing/index.ts";
import { argvs, boot, compileInit, expectRescue, initWith, plain, RESCUE_SHELL, type CompiledInit } from "./helpers.ts";

const names = "appendFile, cmdline, log, rescueShell, sleep, toInteger, writeFile";

/**
 * Runs a compiled init with `edit` applied to its text, as if its shell had stopped there, under
 * dash and busybox ash (the same outcome under both; the shells word their own errors
 * differently). No shellcheck: the edit is not the compiler's.
 */
async function bootEdited(init: CompiledInit, name: string, edit: (script: string) => string): Promise<SimResult> {
  const script = edit(init.script);
  expect(script, "the edit found its place in the compiled init").not.toBe(init.script);
  const path = init.path.replace(/\.sh$/, `-${name}.sh`);
  writeFileSync(path, script, { mode: 0o755 });
  const [dash, busybox] = await Promise.all([simulate(path, {}), simulate(path, { shell: "busybox" })]);
  expect(busybox.outcome).toEqual(dash.outcome);
  const initsOwn = (r: SimResult) => r.console.split("\n").filter((line) => !line.startsWith("/init:"));
  expect(initsOwn(busybox)).toEqual(initsOwn(dash));
  return dash;
}

describe("checked conversions", () => {
  // The first program, as the compiler now has it written (Number() of a run-time
  // string in an init is IS1045: see tests/diagnostics).
  const init = initWith(names, `  const delay = toInteger(cmdline.string("delay", "0")) ?? rescueShell("delay= is not a whole number");\n  sleep(delay);\n  rescueShell(\`slept \${delay}\`);`);

  it("delay=5s: the init says so and gives a shell", async () => {
    const r = await boot(init, { cmdline: "delay=5s" });
    expect(argvs(r)).toEqual(RESCUE_SHELL);
    expect(expectRescue(r)).toContain("delay= is not a whole number [ Failed ]");
  });

  it("delay=\" 5\" or delay=05: the number", async () => {
    for (const cmdline of ['delay=" 5"', "delay=05"]) {
      const r = await boot(init, { cmdline });
      expect(argvs(r)).toEqual([["sleep", "5"], ...RESCUE_SHELL]);
      expect(expectRescue(r)).toContain("slept 5 [ Failed ]");
    }
  });

  it("cmdline.int warns and takes the fallback on text that is not a number", async () => {
    const intInit = initWith(names, `  rescueShell(\`rootdelay \${cmdline.int("rootdelay", 10)}\`);`);
    const r = await boot(intInit, { cmdline: "rootdelay=5s" });
    const text = expectRescue(r);
    expect(text).toContain("rootdelay=5s is not a whole number: using 10 [ Warning ]");
    expect(text).toContain("rootdelay 10 [ Failed ]");
  });
});

describe("failures of the script itself go to the rescue shell with the line", () => {
  it("a division by zero (sh would stop; JavaScript would give Infinity)", async () => {
    const init = initWith(names, `  const n = cmdline.int("n", 0);\n  log.info(\`share \${Math.floor(100 / n)} rest \${100 % (n + 1)}\`);\n  rescueShell("end");`);
    const r = await boot(init, { cmdline: "n=0" });
    expect(expectRescue(r)).toContain("init.ts:4: division by zero [ Failed ]");
    const fine = await boot(init, { cmdline: "n=3" });
    expect(expectRescue(fine)).toContain("share 33 rest 0");
  });

  it("a runtime helper's error: repeat() with a negative count", async () => {
    const init = initWith(names, `  const n = cmdline.int("n", 0);\n  log.info("-".repeat(n));\n  rescueShell("end");`);
    const r = await boot(init, { cmdline: "n=-2" });
    expect(expectRescue(r)).toContain("init.ts:4: repeat(): invalid count -2 [ Failed ]");
  });

  it("the shell stopping (an error of its own, or the end of the script): the trap every init sets", async () => {
    const init = initWith(names, `  log.info("first");\n  log.info("second");\n  rescueShell("end");`);
    for (const [name, stop] of [["error", ": $((1 / 0))"], ["exit", "exit 3"]] as const) {
      const r = await bootEdited(init, name, (script) => script.replace("log_info second\n", `log_info second\n  ${stop}\n`));
      const text = expectRescue(r);
      expect(text).toContain("init.ts:4: the init script stopped, and PID 1 must never exit [ Failed ]");
      expect(text).not.toContain("end [ Failed ]");
    }
  });

  it("a file that cannot be written: only the init's own message", async () => {
    const init = initWith(names, `  writeFile("/no/such/dir/f", "x") || log.warn("cannot write f");\n  appendFile("/no/such/dir/g", "x") || log.warn("cannot append to g");\n  rescueShell("end");`);
    const r = await boot(init, {});
    const text = expectRescue(r);
    expect(text.split("\n").slice(0, 2)).toEqual(["cannot write f [ Warning ]", "cannot append to g [ Warning ]"]);
    expect(plain(r.console)).not.toMatch(/create|nonexistent|No such/i);
  });
});

describe("an init that imports nothing from initsh", () => {
  it("still cannot exit: its trap starts shells", async () => {
    const init = compileInit(`export default function init(): never {\n  for (;;) {}\n}\n`);
    const r = await bootEdited(init, "ends", (script) => script.replace(/\ninit\n$/, "\nexit 3\n"));
    expect(r.outcome.kind).toBe("rescue");
    expect(r.console).toContain("init: the init script stopped, and PID 1 must never exit: starting a shell");
  });
});
