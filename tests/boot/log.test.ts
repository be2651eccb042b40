/**
 * log.*: Linux Live Kit style status lines. On a terminal (the simulated console is one) the
 * tag sits at column 70 in colour; elsewhere it is plain text. Run under busybox ash with
 * output to a pipe for the plain form.
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { boot, compileInit } from "./helpers.ts";

const program = compileInit(`
import { log } from "initsh";
log.info("plain line");
log.ok("mounted root");
log.warn("no swap");
log.fail("no network");
console.log(\`tail: \${log.tail(2).join(" | ")}\`);
`);

const ESC = "\u001b";

describe("log", () => {
  it("on a terminal: the tag at column 70, in colour", async () => {
    const r = await boot(program, {});
    expect(r.console.split("\n").slice(0, 5)).toEqual([
      "plain line",
      `mounted root${ESC}[70G[ ${ESC}[1;32mOK${ESC}[0;39m ]`,
      `no swap${ESC}[70G[ ${ESC}[1;33mWarning${ESC}[0;39m ]`,
      `no network${ESC}[70G[ ${ESC}[1;31mFailed${ESC}[0;39m ]`,
      "tail: no swap [ Warning ] | no network [ Failed ]",
    ]);
  });

  it("not on a terminal (busybox ash, output to a pipe): plain text", () => {
    const busybox = spawnSync("sh", ["-c", "command -v busybox"], { encoding: "utf8" }).stdout.trim();
    const r = spawnSync(busybox, ["sh", program.path], { encoding: "utf8", env: { PATH: "/nonexistent" } });
    expect(r.stdout).toBe(
      ["plain line", "mounted root [ OK ]", "no swap [ Warning ]", "no network [ Failed ]", "tail: no swap [ Warning ] | no network [ Failed ]", ""].join("\n"),
    );
    expect(r.status).toBe(0);
  });
});
