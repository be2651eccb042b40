/**
 * The intrinsics of dsl/intrinsics.ts that touch files, commands and the environment, run
 * under all six target shells with the host's real commands on PATH: every shell must print
 * exactly what the specification of each intrinsic says.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SHELLS } from "../differential/harness.ts";
import { compileInit, shellcheck } from "./helpers.ts";

const work = mkdtempSync(join(tmpdir(), "initsh-intrinsics-"));

/** Texts for toInteger, and what it must give: JavaScript's Number() where that is a whole number of at most 9 digits (leading zeros aside). */
const INTEGER_TEXTS = ["42", " -007\t", "+3", "-0", "", " ", "5s", "1.5", "1e3", "0x10", "- 1", "999999999", "-999999999", "1000000000", "0000000000001"];
const integerSpec = (text: string): string => {
  const n = Number(text);
  const whole = text.trim() !== "" && /^[+-]?[0-9]+$/.test(text.trim()) && Math.abs(n) <= 999_999_999;
  return whole ? String(n * 2) : "<undefined>";
};

const program = compileInit(`
import { appendFile, capture, captureQuiet, env, exec, exists, hasCommand, isDir, isExecutable, isFile, isSymlink, isTerminal, listDir, mkdir, readFile, readLine, run, runQuiet, runWithInput, setEnv, sleep, toInteger, writeFile } from "initsh";
const dir = env("WORK") ?? "/nonexistent";
const show = (label: string, value: string | undefined): void => {
  console.log(\`\${label}: \${value === undefined ? "<undefined>" : "[" + value + "]"}\`);
};
show("missing file", readFile(\`\${dir}/nope\`));
console.log(\`write: \${writeFile(\`\${dir}/f\`, "line 1\\nline 2 $(x) *")}\`);
console.log(\`append: \${appendFile(\`\${dir}/f\`, "\\nend")}\`);
show("read back", readFile(\`\${dir}/f\`));
console.log(\`write into a missing dir: \${writeFile(\`\${dir}/no/such/f\`, "x")}\`);
console.log(\`mkdir: \${mkdir(\`\${dir}/a b/c\`)} \${isDir(\`\${dir}/a b/c\`)}\`);
console.log(\`tests: \${exists(\`\${dir}/f\`)} \${isFile(\`\${dir}/f\`)} \${isDir(\`\${dir}/f\`)} \${isExecutable(\`\${dir}/f\`)} \${isSymlink(\`\${dir}/f\`)} \${exists(\`\${dir}/*\`)}\`);
console.log(\`list: \${listDir(dir).join("|")}\`);
console.log(\`list missing: \${listDir(\`\${dir}/nope\`).length}\`);
show("capture", capture("printf", "%s|%s\\n\\n", "a b", "*"));
show("capture failing", captureQuiet("false"));
console.log(\`run: \${run("true")} \${run("false")} \${runQuiet("sh", "-c", "echo noise; echo noise >&2; exit 3")}\`);
const input = "secret $(id) \\\\ \\\`x\\\` *";
console.log(\`with input: \${runWithInput(input, "sh", "-c", 'read -r line; [ "$line" = "$1" ]', "sh", input)} \${runWithInput(input, "sh", "-c", 'read -r line; [ "$line" = "$1" ]', "sh", "other")}\`);
const words: string[] = ["one", "two words", ""];
console.log(\`array args: \${run("sh", "-c", '[ "$#" -eq 3 ] && [ "$2" = "two words" ] && [ -z "$3" ]', "sh", ...words)}\`);
setEnv("INITSH_TEST", "v a l");
show("env", capture("sh", "-c", 'printf %s "$INITSH_TEST"'));
show("env unset", env("INITSH_NOT_SET"));
show("line", readLine());
show("last line", readLine());
show("eof", readLine());
console.log(\`terminal: \${isTerminal(1)}\`);
console.log(\`has: \${hasCommand("sh")} \${hasCommand("no-such-program")} \${hasCommand("/bin/sh")} \${hasCommand("/etc/passwd")}\`);
for (const text of ${JSON.stringify(INTEGER_TEXTS)}) {
  const n = toInteger(text);
  console.log(\`toInteger [\${text}]: \${n === undefined ? "<undefined>" : String(n * 2)}\`);
}
sleep(0.1);
exec("sh", "-c", 'echo "exec: $0 $1"', "zero", "one");
`);

/** Runs the program under a shell with real commands on PATH and two lines on stdin. */
function runUnder(shell: { exe: string | undefined; args: string[] }): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(shell.exe!, [...shell.args, program.path], {
    env: { PATH: "/usr/bin:/bin", WORK: work },
    input: "first line\nsecond, no newline",
    encoding: "utf8",
  });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

const expected = [
  "missing file: <undefined>",
  "write: true",
  "append: true",
  "read back: [line 1\nline 2 $(x) *\nend]",
  "write into a missing dir: false",
  "mkdir: true true",
  "tests: true true false false false false",
  "list: a b|f",
  "list missing: 0",
  "capture: [a b|*]",
  "capture failing: <undefined>",
  "run: true false false",
  "with input: true false",
  "array args: true",
  "env: [v a l]",
  "env unset: <undefined>",
  "line: [first line]",
  "last line: [second, no newline]",
  "eof: <undefined>",
  "terminal: false",
  "has: true false true false",
  ...INTEGER_TEXTS.map((t) => `toInteger [${t}]: ${integerSpec(t)}`),
  "exec: zero one",
  "",
].join("\n");

describe("intrinsics under the six shells", () => {
  it("the compiled program is clean under shellcheck", async () => {
    expect(await shellcheck(program.path)).toBe("");
  });
  it("the manifest lists every command it may run", () => {
    // hasCommand("/bin/sh") and the like ask whether a program is there: they do not run it.
    expect(program.commands).toEqual(["false", "mkdir", "printf", "sh", "sleep", "true"]);
  });
  for (const shell of SHELLS) {
    it(shell.name, () => {
      spawnSync("rm", ["-rf", join(work, "f"), join(work, "a b")]);
      const r = runUnder(shell);
      expect(r.stdout).toBe(expected);
      // A file that cannot be written says nothing of its own: the program tells.
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      expect(readFileSync(join(work, "f"), "utf8")).toBe("line 1\nline 2 $(x) *\nend");
    });
  }
});
