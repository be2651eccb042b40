/**
 * `free`: busybox 1.35's table, from the machine's /proc/meminfo. The real applet asks the
 * kernel (sysinfo), so its numbers cannot be compared here; its layout can: the real
 * busybox-static's table on this host, digits blanked, must be the shim's, digits blanked.
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { ensureStaticBusybox } from "../busybox.ts";
import { simulate } from "../index.ts";
import { busyboxUsage, inlineInit } from "./helpers.ts";

const memory = { totalKb: 481272, freeKb: 440000, availableKb: 452000 };

/** The numbers of the table's Mem: and Swap: rows. */
function rows(table: string): { mem: number[]; swap: number[] } {
  const numbers = (label: string) =>
    table
      .split("\n")
      .find((l) => l.startsWith(label))!
      .slice(label.length)
      .trim()
      .split(/\s+/)
      .map(Number);
  return { mem: numbers("Mem:"), swap: numbers("Swap:") };
}

/** Between the markers the init prints around each command. */
function section(console: string, name: string): string {
  const start = console.indexOf(`<${name}>\n`) + name.length + 3;
  return console.slice(start, console.indexOf(`</${name}>`, start));
}

describe("free", async () => {
  const run = await simulate(
    inlineInit(
      [
        "mount -t proc proc /proc",
        "for o in '' -k -m -g -b -x -h; do",
        '  echo "<free$o>"; free $o 2>&1; echo "status=$?"; echo "</free$o>"',
        "done",
        'echo "<busybox>"; busybox free; echo "</busybox>"',
        "exec reboot -f",
      ].join("\n"),
    ),
    { memory },
  );

  it("lays its table out as the real busybox-static does", async () => {
    const real = spawnSync((await ensureStaticBusybox()).binary, ["free"], { encoding: "utf8" });
    expect(real.status).toBe(0);
    const blank = (t: string) => t.replace(/\d/g, "9");
    // Column by column: every value right-aligned at the same place (the digits themselves differ).
    const shape = (t: string) => blank(t).replace(/9+/g, (d) => " ".repeat(d.length - 1) + "9");
    expect(shape(section(run.console, "free")).replace("status=9\n", "")).toBe(shape(real.stdout));
  });

  it("takes its numbers from /proc/meminfo: used is total − free − buff/cache", () => {
    const table = section(run.console, "free");
    const { mem, swap } = rows(table);
    const [total, used, free, shared, buffCache, available] = mem;
    expect(total).toBe(memory.totalKb);
    expect(free).toBe(memory.freeKb);
    expect(available).toBe(memory.availableKb);
    expect(used).toBe(total! - free! - buffCache!);
    expect(shared).toBeGreaterThanOrEqual(0);
    expect(swap).toEqual([0, 0, 0]);
    expect(table).toMatch(/status=0\n$/);
    expect(section(run.console, "free-k")).toBe(table);
    expect(section(run.console, "busybox")).toBe(table.replace("status=0\n", ""));
  });

  it("-m, -g round to the nearest unit, -b gives bytes", () => {
    const kb = rows(section(run.console, "free")).mem;
    expect(rows(section(run.console, "free-m")).mem).toEqual(kb.map((v) => Math.round(v / 1024)));
    expect(rows(section(run.console, "free-g")).mem).toEqual(kb.map((v) => Math.round(v / 1048576)));
    expect(rows(section(run.console, "free-b")).mem).toEqual(kb.map((v) => v * 1024));
  });

  it("an unknown option is the real applet's usage, status 1; -h says it is not modelled", async () => {
    expect(section(run.console, "free-x")).toBe(`${await busyboxUsage("free")}status=1\n`);
    expect(section(run.console, "free-h")).toBe("initsh simulate: free -h is not modelled (use free, -k, -m, -g or -b)\nstatus=1\n");
  });
});
