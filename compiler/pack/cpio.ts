/**
 * The newc ("070701") cpio format the kernel unpacks an initramfs from, written and read here:
 * a small format, so the image is exactly what initsh decides — entries in bytewise path order,
 * owner 0:0, one modification time for all (SOURCE_DATE_EPOCH or 0), inode numbers counted
 * from 1 — and the same inputs give the same bytes.
 */

export type CpioEntry =
  | { kind: "dir"; path: string; mode: number }
  | { kind: "file"; path: string; mode: number; data: Buffer }
  | { kind: "symlink"; path: string; target: string }
  /** A device node: the kernel makes it when it unpacks the image, so no root is needed here. */
  | { kind: "char" | "block"; path: string; mode: number; major: number; minor: number };

const TYPE = { dir: 0o040000, file: 0o100000, symlink: 0o120000, char: 0o020000, block: 0o060000 } as const;
const MAGIC = "070701";

const hex = (n: number) => n.toString(16).padStart(8, "0");
const pad4 = (n: number) => (4 - (n % 4)) % 4;

/** The archive of `entries` (sorted here by path, bytewise), with the trailer. */
export function writeCpio(entries: readonly CpioEntry[], mtime = 0): Buffer {
  const sorted = [...entries].sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)));
  const chunks: Buffer[] = [];
  const record = (ino: number, mode: number, nlink: number, data: Buffer, name: string, rdev: [number, number] = [0, 0]) => {
    const nameBytes = Buffer.from(`${name}\0`);
    const header = MAGIC + [ino, mode, 0, 0, nlink, mtime, data.length, 0, 0, rdev[0], rdev[1], nameBytes.length, 0].map(hex).join("");
    chunks.push(Buffer.from(header, "latin1"), nameBytes, Buffer.alloc(pad4(header.length + nameBytes.length)), data, Buffer.alloc(pad4(data.length)));
  };
  sorted.forEach((e, i) => {
    const name = e.path.replace(/^\/+/, "");
    const ino = i + 1;
    switch (e.kind) {
      case "dir":
        record(ino, TYPE.dir | e.mode, 2, Buffer.alloc(0), name);
        break;
      case "file":
        record(ino, TYPE.file | e.mode, 1, e.data, name);
        break;
      case "symlink":
        record(ino, TYPE.symlink | 0o777, 1, Buffer.from(e.target), name);
        break;
      case "char":
      case "block":
        record(ino, TYPE[e.kind] | e.mode, 1, Buffer.alloc(0), name, [e.major, e.minor]);
        break;
    }
  });
  record(0, 0, 1, Buffer.alloc(0), "TRAILER!!!");
  return Buffer.concat(chunks);
}

/** An entry as listed: its path, type letter (`d`, `-`, `l`, `c`, `b`), permission bits, size and link target. */
export interface ListedEntry {
  path: string;
  type: "d" | "-" | "l" | "c" | "b" | "?";
  mode: number;
  size: number;
  target?: string;
}

/** Reads a newc archive (several concatenated ones too, as the kernel takes them). */
export function readCpio(bytes: Buffer): ListedEntry[] {
  const out: ListedEntry[] = [];
  let at = 0;
  while (at + 110 <= bytes.length) {
    // Archives may be padded with zeros between them.
    if (bytes[at] === 0) {
      at++;
      continue;
    }
    const magic = bytes.toString("latin1", at, at + 6);
    if (magic !== MAGIC && magic !== "070702") throw new Error(`not a newc cpio archive at byte ${at}`);
    const field = (i: number) => Number.parseInt(bytes.toString("latin1", at + 6 + i * 8, at + 14 + i * 8), 16);
    const mode = field(1);
    const size = field(6);
    const nameSize = field(11);
    const nameStart = at + 110;
    const name = bytes.toString("utf8", nameStart, nameStart + nameSize - 1);
    const dataStart = nameStart + nameSize + pad4(110 + nameSize);
    at = dataStart + size + pad4(size);
    if (name === "TRAILER!!!") continue;
    const kind = mode & 0o170000;
    const type = kind === TYPE.dir ? "d" : kind === TYPE.file ? "-" : kind === TYPE.symlink ? "l" : kind === TYPE.char ? "c" : kind === TYPE.block ? "b" : "?";
    const entry: ListedEntry = { path: name, type, mode: mode & 0o7777, size };
    if (type === "l") entry.target = bytes.toString("utf8", dataStart, dataStart + size);
    out.push(entry);
  }
  return out;
}
