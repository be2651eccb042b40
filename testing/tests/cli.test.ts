import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { runSimulateCommand } from "../cli.ts";
import { simulate } from "../index.ts";
import { fixture, hasBlockNode, newRootFiles } from "./helpers.ts";

/** Runs the CLI, capturing what it prints. */
async function cli(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const out = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    const status = await runSimulateCommand(args);
    return { status, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describe("initsh simulate (CLI)", () => {
  let dir: string | undefined;
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  it.skipIf(!hasBlockNode)("prints the trace, console, mounts and outcome; exits 0 on switch_root", async () => {
    dir = mkdtempSync(join(tmpdir(), "initsh-sim-cli-"));
    const scenario = join(dir, "scenario.json");
    writeFileSync(scenario, JSON.stringify({ devices: [{ name: "vda", label: "root", type: "ext4" }, { name: "vdb", appearsAfter: 1 }], files: newRootFiles() }));
    const { status, stdout } = await cli([fixture("wait-for-root.sh"), "--scenario", scenario, "--cmdline", "root=LABEL=root"]);
    expect(status).toBe(0);
    expect(stdout).toBe(
      [
        "== trace",
        "[    0.000] mount -t proc proc /proc",
        "[    0.000] mount -t sysfs sysfs /sys",
        "[    0.000] mount -t devtmpfs devtmpfs /dev",
        "[    0.000] sleep 0.5",
        "[    0.500] sleep 0.5",
        "[    1.000] mkdir -p /newroot",
        "[    1.000] mount -o ro LABEL=root /newroot",
        "[    1.000] switch_root /newroot /sbin/init",
        "== console",
        "vdb absent at start",
        "vdb after 2 sleeps",
        "partition vda 254:0 1048576",
        "partition vdb 254:16 1048576",
        "sysfs vdb dev=254:16",
        "== mounts",
        "proc on /proc type proc",
        "sysfs on /sys type sysfs",
        "devtmpfs on /dev type devtmpfs",
        "/dev/vda on /newroot type ext4 (ro)",
        "== outcome",
        "switch_root: switch_root /newroot /sbin/init",
        "",
      ].join("\n"),
    );
  });

  it("shell-quotes odd arguments, and exits 1 on a panic", async () => {
    const { status, stdout } = await cli([fixture("hostile-args.sh"), "--timeout", "3000"]);
    expect(status).toBe(0);
    expect(stdout).toContain(`[    0.000] mount -t ext4 -o ro,data=ordered '/dev/disk with space' '/mnt/it'\\''s "quoted"'\n`);
    const panic = await cli([fixture("exits.sh")]);
    expect(panic.status).toBe(1);
    expect(panic.stdout).toContain("== outcome\npanic: the init exited with status 3");
  });

  it("reports usage errors with status 2 and bad scenarios with status 1", async () => {
    expect((await cli([])).status).toBe(2);
    expect((await cli(["a.sh", "b.sh"])).stderr).toBe("initsh simulate: one init file, not 'a.sh' and 'b.sh' — see initsh simulate --help\n");
    expect((await cli([fixture("exits.sh"), "--frobnicate"])).status).toBe(2);
    dir = mkdtempSync(join(tmpdir(), "initsh-sim-cli-"));
    writeFileSync(join(dir, "bad.json"), '{"devices": [{"name": 7}]}');
    const bad = await cli([fixture("exits.sh"), "--scenario", join(dir, "bad.json")]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe("initsh simulate: invalid scenario: devices[0].name: must be a string\n");
  });

  it("compiles a .ts entry first", async () => {
    const { status, stdout } = await cli([fixture("hello.ts")]);
    expect(status).toBe(1);
    expect(stdout).toContain("== console\nhello from TypeScript\n");
    expect(stdout).toContain("panic: the init exited with status 0");
  });
});

describe("simulate({ source })", () => {
  it("compiles the TypeScript entry and runs the result", async () => {
    const run = await simulate({ source: fixture("hello.ts") }, {});
    expect(run.console).toBe("hello from TypeScript\n");
    expect(run.outcome).toEqual({ kind: "panic", status: 0 });
  });

  it("throws the formatted diagnostics when the entry does not compile", async () => {
    await expect(simulate({ source: fixture("broken.ts") }, {})).rejects.toThrow(/broken\.ts does not compile:\n[\s\S]*TS2322/);
  });
});
