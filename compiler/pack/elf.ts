/**
 * What `initsh pack` reads of ELF files, from the bytes (never `ldd`, which runs the program's
 * loader): a program's interpreter (PT_INTERP), the libraries it names (DT_NEEDED) and where it
 * says to look for them (DT_RUNPATH, DT_RPATH); a kernel module's `.modinfo` strings
 * (`firmware=…`). 32- and 64-bit, either byte order.
 */

export interface ElfFile {
  /** 32 or 64. */
  bits: 32 | 64;
  /** e_machine: the processor it is for (62: x86-64). */
  machine: number;
  /** The dynamic loader it asks for, e.g. /lib64/ld-linux-x86-64.so.2; undefined for a static program. */
  interpreter: string | undefined;
  /** DT_NEEDED: the sonames of the libraries it needs, in order. */
  needed: string[];
  /** DT_RUNPATH (or DT_RPATH when there is no RUNPATH), split at `:`. */
  searchPath: string[];
  /** The strings of its `.modinfo` section (a kernel module's `name=value` pairs), if it has one. */
  modinfo: string[];
}

const PT_LOAD = 1;
const PT_DYNAMIC = 2;
const PT_INTERP = 3;
const DT_NULL = 0;
const DT_NEEDED = 1;
const DT_STRTAB = 5;
const DT_RPATH = 15;
const DT_RUNPATH = 29;

/** Whether `bytes` start like an ELF file. */
export const isElf = (bytes: Buffer): boolean => bytes.length >= 52 && bytes.readUInt32BE(0) === 0x7f454c46;

/** Reads an ELF file's dynamic linking facts; throws a plain message when it is not one it can read. */
export function readElf(bytes: Buffer): ElfFile {
  if (!isElf(bytes)) throw new Error("not an ELF file");
  const is64 = bytes[4] === 2;
  const little = bytes[5] === 1;
  if ((bytes[4] !== 1 && bytes[4] !== 2) || (bytes[5] !== 1 && bytes[5] !== 2)) throw new Error("an ELF file of an unknown class or byte order");
  const u16 = (at: number) => (little ? bytes.readUInt16LE(at) : bytes.readUInt16BE(at));
  const u32 = (at: number) => (little ? bytes.readUInt32LE(at) : bytes.readUInt32BE(at));
  const word = (at: number) => (is64 ? Number(little ? bytes.readBigUInt64LE(at) : bytes.readBigUInt64BE(at)) : u32(at));
  const cstring = (at: number) => {
    const end = bytes.indexOf(0, at);
    return bytes.toString("latin1", at, end < 0 ? bytes.length : end);
  };

  // The file header: where the program headers and section headers are.
  const phoff = word(is64 ? 0x20 : 0x1c);
  const shoff = word(is64 ? 0x28 : 0x20);
  const phentsize = u16(is64 ? 0x36 : 0x2a);
  const phnum = u16(is64 ? 0x38 : 0x2c);
  const shentsize = u16(is64 ? 0x3a : 0x2e);
  const shnum = u16(is64 ? 0x3c : 0x30);
  const shstrndx = u16(is64 ? 0x3e : 0x32);

  const segments: { type: number; offset: number; vaddr: number; filesz: number }[] = [];
  for (let i = 0; i < phnum; i++) {
    const at = phoff + i * phentsize;
    if (at + phentsize > bytes.length) throw new Error("a program header lies past the end of the file");
    segments.push(
      is64
        ? { type: u32(at), offset: word(at + 0x08), vaddr: word(at + 0x10), filesz: word(at + 0x20) }
        : { type: u32(at), offset: u32(at + 0x04), vaddr: u32(at + 0x08), filesz: u32(at + 0x10) },
    );
  }
  const interp = segments.find((s) => s.type === PT_INTERP);
  const interpreter = interp ? cstring(interp.offset) : undefined;

  // The dynamic section: its string table is named by address, which a PT_LOAD maps to the file.
  const needed: string[] = [];
  let runpath: string | undefined;
  let rpath: string | undefined;
  const dynamic = segments.find((s) => s.type === PT_DYNAMIC);
  if (dynamic) {
    const entry = is64 ? 16 : 8;
    const entries: [number, number][] = [];
    for (let at = dynamic.offset; at + entry <= dynamic.offset + dynamic.filesz; at += entry) {
      const tag = word(at);
      if (tag === DT_NULL) break;
      entries.push([tag, word(at + entry / 2)]);
    }
    const strtab = entries.find(([tag]) => tag === DT_STRTAB)?.[1];
    const load = strtab === undefined ? undefined : segments.find((s) => s.type === PT_LOAD && strtab >= s.vaddr && strtab < s.vaddr + s.filesz);
    if (strtab !== undefined && !load) throw new Error("its dynamic string table is in no loaded segment");
    const string = (offset: number) => cstring(load!.offset + (strtab! - load!.vaddr) + offset);
    for (const [tag, value] of entries) {
      if (tag === DT_NEEDED) needed.push(string(value));
      else if (tag === DT_RUNPATH) runpath = string(value);
      else if (tag === DT_RPATH) rpath = string(value);
    }
  }

  // Sections, by name: only `.modinfo` is read.
  const modinfo: string[] = [];
  if (shoff > 0 && shnum > 0 && shstrndx < shnum) {
    const section = (i: number) => {
      const at = shoff + i * shentsize;
      return is64 ? { name: u32(at), offset: word(at + 0x18), size: word(at + 0x20) } : { name: u32(at), offset: u32(at + 0x10), size: u32(at + 0x14) };
    };
    const names = section(shstrndx);
    for (let i = 0; i < shnum; i++) {
      const s = section(i);
      if (cstring(names.offset + s.name) !== ".modinfo") continue;
      modinfo.push(...bytes.toString("latin1", s.offset, s.offset + s.size).split("\0").filter((x) => x !== ""));
    }
  }

  const search = runpath ?? rpath;
  return { bits: is64 ? 64 : 32, machine: u16(0x12), interpreter, needed, searchPath: search === undefined || search === "" ? [] : search.split(":"), modinfo };
}
