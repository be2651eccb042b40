/**
 * The serial-log oracle on fixed logs (no QEMU needed): a marker from PID 1, a panic, the
 * power-off line and the root's mount table are each recognised.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isStaticElf } from "./busybox.ts";
import { judge } from "./verdict.ts";

describe("judge", () => {
  it("reads a boot that reached the root's init", () => {
    const log = [
      "[    3.25] Run /init as init process",
      "initsh: basic init",
      "INITSH-ROOT-REACHED pid=1",
      "INITSH-ROOT-MOUNT proc /proc proc rw,relatime 0 0",
      "INITSH-ROOT-MOUNT /dev/vda / ext4 ro,relatime 0 0",
      "[    4.39] reboot: Power down",
    ].join("\n");
    expect(judge(log)).toEqual({ rootPid: 1, rootMounts: ["/proc", "/"], panic: false, poweredOff: true });
  });

  it("sees a panic after PID 1 exits, and a marker from another PID", () => {
    const log = [
      "INITSH-ROOT-REACHED pid=57",
      "[    2.10] Kernel panic - not syncing: Attempted to kill init! exitcode=0x00000100",
    ].join("\n");
    expect(judge(log)).toMatchObject({ rootPid: 57, panic: true, poweredOff: false });
  });

  it("finds nothing in an empty log", () => {
    expect(judge("")).toEqual({ rootPid: undefined, rootMounts: [], panic: false, poweredOff: false });
  });
});

describe("isStaticElf", () => {
  it("rejects what is not ELF", () => {
    expect(isStaticElf(Buffer.from("#!/bin/sh\n".padEnd(80, " ")))).toBe(false);
  });

  it("rejects a dynamically linked executable (/bin/sh)", () => {
    expect(isStaticElf(readFileSync("/bin/sh"))).toBe(false);
  });
});
