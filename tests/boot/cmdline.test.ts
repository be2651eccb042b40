/**
 * cmdline.*: the kernel's quoting rules, last-one-wins, `--`, flags and integers, and values
 * that are data. Each row is a kernel command line and what the parser must make of it; the
 * program runs as an init on the simulated machine (dash) and, with /proc/cmdline bind-mounted
 * in a private mount namespace and nothing on PATH, under busybox ash. The trace must stay
 * empty: parsing runs no program at all (no cat, grep, sed …, and nothing from the values).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { boot, compileInit, plain, shellcheck } from "./helpers.ts";

const reporter = compileInit(`
import { cmdline } from "initsh";
for (const name of ["root", "x", "y", "quiet", "flag", "init"]) {
  const value = cmdline.string(name);
  console.log(\`\${name}=\${value === undefined ? "<unset>" : "[" + value + "]"} flag=\${cmdline.flag(name)} all=\${cmdline.all(name).join("|")}\`);
}
console.log(\`delay=\${cmdline.int("delay", 7)}\`);
console.log(\`args=\${cmdline.args().join("|")}\`);
console.log(\`with-fallback=\${cmdline.string("missing", "fb")}\`);
`);

interface Row {
  name: string;
  cmdline: string;
  /** Lines the program must print (others may appear too). */
  expect: string[];
}

const rows: Row[] = [
  { name: "a quoted value keeps its spaces", cmdline: 'root="LABEL=my disk" quiet', expect: ["root=[LABEL=my disk] flag=true all=LABEL=my disk", "quiet=[] flag=true all="] },
  { name: "a quoted whole parameter", cmdline: '"x=a b" y=c', expect: ["x=[a b] flag=true all=a b", "y=[c] flag=true all=c"] },
  { name: "quotes inside a value stay", cmdline: 'x=a"b c"d', expect: ['x=[a"b c"d] flag=true all=a"b c"d'] },
  { name: "an unclosed quote runs to the end", cmdline: 'x="abc def', expect: ["x=[abc def] flag=true all=abc def"] },
  { name: "$(…) is data", cmdline: "x=$(reboot) y=$(poweroff)", expect: ["x=[$(reboot)] flag=true all=$(reboot)", "y=[$(poweroff)] flag=true all=$(poweroff)"] },
  { name: "backquotes are data", cmdline: "x=`reboot` y=a`id`b", expect: ["x=[`reboot`] flag=true all=`reboot`", "y=[a`id`b] flag=true all=a`id`b"] },
  { name: "; and & are data", cmdline: "x=a;reboot y=b&&reboot", expect: ["x=[a;reboot] flag=true all=a;reboot", "y=[b&&reboot] flag=true all=b&&reboot"] },
  { name: "globs are not expanded", cmdline: "x=* y=/*", expect: ["x=[*] flag=true all=*", "y=[/*] flag=true all=/*"] },
  { name: "single quotes are data", cmdline: "x='a' y='b c'", expect: ["x=['a'] flag=true all='a'", "y=['b] flag=true all='b"] },
  { name: "$VAR and % are data", cmdline: "x=$HOME y=%s%d", expect: ["x=[$HOME] flag=true all=$HOME", "y=[%s%d] flag=true all=%s%d"] },
  { name: "backslashes and -n are data", cmdline: "x=a\\b\\n y=-n", expect: ["x=[a\\b\\n] flag=true all=a\\b\\n", "y=[-n] flag=true all=-n"] },
  { name: "the last value wins, all() keeps every one", cmdline: "root=/dev/sda root=/dev/sdb x=1 x=2 x=3", expect: ["root=[/dev/sdb] flag=true all=/dev/sda|/dev/sdb", "x=[3] flag=true all=1|2|3"] },
  { name: "empty values and bare words", cmdline: "x= y quiet=", expect: ["x=[] flag=true all=", "y=[] flag=true all=", "quiet=[] flag=true all="] },
  { name: "flags: 0 no false off are false", cmdline: "x=0 y=no quiet=off flag=false init=yes", expect: ["x=[0] flag=false all=0", "y=[no] flag=false all=no", "quiet=[off] flag=false all=off", "flag=[false] flag=false all=false", "init=[yes] flag=true all=yes"] },
  { name: "a flag's last occurrence counts", cmdline: "flag flag=0 quiet=0 quiet", expect: ["flag=[0] flag=false all=|0", "quiet=[] flag=true all=0|"] },
  { name: "absent parameters", cmdline: "", expect: ["root=<unset> flag=false all=", "delay=7", "args=", "with-fallback=fb"] },
  { name: "-- ends the init's parameters", cmdline: "root=/dev/vda -- single x=1 \"a b\"", expect: ["root=[/dev/vda] flag=true all=/dev/vda", "x=<unset> flag=false all=", "args=single|x=1|a b"] },
  { name: "integers, and a bad one falls back with a warning", cmdline: "delay=12", expect: ["delay=12"] },
  { name: "a non-integer falls back with a warning", cmdline: "delay=1e3", expect: ["delay=1e3 is not a whole number: using 7 [ Warning ]", "delay=7"] },
  { name: "tabs and extra spaces separate too", cmdline: "x=1\t\ty=2    quiet", expect: ["x=[1] flag=true all=1", "y=[2] flag=true all=2", "quiet=[] flag=true all="] },
];

describe("cmdline on the simulated machine (dash)", () => {
  it("the compiled program is clean under shellcheck", async () => {
    expect(await shellcheck(reporter.path)).toBe("");
  });
  it("runs no external command at all", () => {
    expect(reporter.commands).toEqual([]);
  });
  for (const row of rows) {
    it(row.name, async () => {
      const r = await boot(reporter, { cmdline: row.cmdline });
      expect(r.trace).toEqual([]);
      expect(r.outcome.kind).toBe("panic"); // a plain program, not an init: it exits at the end
      const lines = plain(r.console).split("\n");
      for (const line of row.expect) expect(lines, plain(r.console)).toContain(line);
    });
  }
});

const BUSYBOX = spawnSync("sh", ["-c", "command -v busybox"], { encoding: "utf8" }).stdout.trim();

/** Runs the script under `busybox sh` with `text` as /proc/cmdline and an empty PATH. */
function busybox(script: string, text: string): { stdout: string; stderr: string; status: number | null } {
  const dir = mkdtempSync(join(tmpdir(), "initsh-cmdline-"));
  const file = join(dir, "cmdline");
  writeFileSync(file, `${text}\n`);
  const r = spawnSync(
    "unshare",
    ["-Urm", "sh", "-c", 'mount --bind "$1" /proc/cmdline && exec env -i PATH=/nonexistent "$3" sh "$2"', "sh", file, script, BUSYBOX],
    { encoding: "utf8" },
  );
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

describe("cmdline under busybox ash, with nothing on PATH", () => {
  for (const row of rows) {
    it(row.name, () => {
      const r = busybox(reporter.path, row.cmdline);
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      const lines = plain(r.stdout).split("\n");
      for (const line of row.expect) expect(lines, r.stdout).toContain(line);
    });
  }
});
