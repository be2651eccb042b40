/**
 * Partitioned disks for the boot tests, made without root: a filesystem image placed as the
 * first partition of a disk image with a GPT (written by sgdisk) or an MBR (written here: one
 * sector). The kernel reads these tables itself; root=PARTUUID=… and root=PARTLABEL=… are
 * resolved from them.
 */
import { closeSync, openSync, readFileSync, statSync, truncateSync, writeFileSync, writeSync } from "node:fs";
import { runChecked } from "./run.ts";

/** Where the first partition starts: sector 2048 (1 MiB), as partitioning tools align it. */
const FIRST_SECTOR = 2048;
const SECTOR = 512;

/** Copies the filesystem image into `disk` at the first partition's offset. */
function placeFilesystem(disk: string, filesystem: string): void {
  const fd = openSync(disk, "r+");
  try {
    writeSync(fd, readFileSync(filesystem), 0, undefined, FIRST_SECTOR * SECTOR);
  } finally {
    closeSync(fd);
  }
}

/** A GPT disk: partition 1 holds `filesystem`, with the given unique GUID and name; partition 2 is a small spare one. */
export function gptDisk(spec: { filesystem: string; sgdisk: string; partUuid: string; partLabel: string; out: string }): string {
  const sectors = Math.ceil(statSync(spec.filesystem).size / SECTOR);
  // Room for the partitions, and 1 MiB at the end for the backup table.
  writeFileSync(spec.out, "");
  truncateSync(spec.out, (FIRST_SECTOR + sectors + 2 * 2048) * SECTOR + 1024 * 1024);
  runChecked(spec.sgdisk, [
    "--clear",
    `--new=1:${FIRST_SECTOR}:+${sectors}`, `--partition-guid=1:${spec.partUuid}`, `--change-name=1:${spec.partLabel}`,
    "--new=2:0:+1M", "--change-name=2:spare",
    spec.out,
  ]);
  placeFilesystem(spec.out, spec.filesystem);
  return spec.out;
}

/** An MBR disk with disk signature `signature` (8 hex digits): partition 1 (type 83) holds `filesystem`. */
export function mbrDisk(spec: { filesystem: string; signature: string; out: string }): string {
  const sectors = Math.ceil(statSync(spec.filesystem).size / SECTOR);
  writeFileSync(spec.out, "");
  truncateSync(spec.out, (FIRST_SECTOR + sectors) * SECTOR);
  const mbr = Buffer.alloc(SECTOR);
  mbr.writeUInt32LE(Number.parseInt(spec.signature, 16), 440);
  const entry = 446;
  mbr[entry + 4] = 0x83; // Linux
  mbr.writeUInt32LE(FIRST_SECTOR, entry + 8);
  mbr.writeUInt32LE(sectors, entry + 12);
  // CHS fields stay 0: the kernel uses the LBA ones.
  mbr[510] = 0x55;
  mbr[511] = 0xaa;
  const fd = openSync(spec.out, "r+");
  try {
    writeSync(fd, mbr, 0, SECTOR, 0);
  } finally {
    closeSync(fd);
  }
  placeFilesystem(spec.out, spec.filesystem);
  return spec.out;
}
