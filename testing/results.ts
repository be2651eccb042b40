/**
 * Reads what the shims left in the state folder: the trace and the outcome (NUL-separated
 * records) and the mount table (lines of single-quoted sh words).
 */
import { existsSync, readFileSync } from "node:fs";
import type { MountEntry, Outcome, TraceEntry } from "./types.ts";

/** Splits NUL-terminated fields; a trailing unterminated field (a write cut short) is dropped. */
function nulFields(data: Buffer): string[] {
  const fields: string[] = [];
  let start = 0;
  for (let i = 0; i < data.length; i++) {
    if (data[i] === 0) {
      fields.push(data.subarray(start, i).toString("utf8"));
      start = i + 1;
    }
  }
  return fields;
}

function readIfExists(path: string): Buffer | undefined {
  return existsSync(path) ? readFileSync(path) : undefined;
}

/** Parses the trace file: records of `time argc argv…`, time in virtual microseconds. */
export function parseTrace(path: string): TraceEntry[] {
  const data = readIfExists(path);
  if (!data) return [];
  const fields = nulFields(data);
  const entries: TraceEntry[] = [];
  let i = 0;
  while (i + 2 <= fields.length) {
    const time = Number(fields[i]);
    const argc = Number(fields[i + 1]);
    if (!Number.isInteger(argc) || i + 2 + argc > fields.length) break;
    entries.push({ argv: fields.slice(i + 2, i + 2 + argc), time: time / 1e6 });
    i += 2 + argc;
  }
  return entries;
}

/** Parses the outcome file (`kind starts pid1 argv…`); undefined when no shim ended the run. */
export function parseOutcome(path: string): Outcome | undefined {
  const data = readIfExists(path);
  if (!data || data.length === 0) return undefined;
  const [kind, starts, pid1, ...argv] = nulFields(data);
  switch (kind) {
    case "switch_root":
      return { kind, argv, pid1: pid1 === "1" };
    case "exec":
      return { kind, argv, pid1: pid1 === "1" };
    case "rescue":
      return { kind, argv, starts: Number(starts) };
    case "reboot":
    case "poweroff":
    case "halt":
      return { kind, argv };
    default:
      throw new Error(`initsh simulate: unreadable outcome record ${JSON.stringify(kind)}`);
  }
}

/** Splits a line of single-quoted sh words (`'a' 'b'\''c'`), as sim_q writes them. */
export function splitQuotedWords(line: string): string[] {
  const words: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (line[i] === " ") i++;
    if (i >= line.length) break;
    let word = "";
    while (i < line.length && line[i] !== " ") {
      if (line[i] === "'") {
        const end = line.indexOf("'", i + 1);
        if (end < 0) throw new Error(`initsh simulate: unterminated quote in ${JSON.stringify(line)}`);
        word += line.slice(i + 1, end);
        i = end + 1;
      } else if (line[i] === "\\") {
        word += line[i + 1] ?? "";
        i += 2;
      } else {
        word += line[i];
        i++;
      }
    }
    words.push(word);
  }
  return words;
}

/**
 * Parses the mount table (sh/shim/mounts.sh): one `sim_m ID PARENT MAJ:MIN ROOT TARGET MRO MFL
 * TYPE SOURCE SRO SFL SOPT GIVEN RTYPE RSOURCE KIND` command per entry, of which the result
 * reports RSOURCE, TARGET, RTYPE and GIVEN; the rootfs entry (KIND rootfs) is not reported. A
 * quoted word may span lines (a path with a newline), so the text is split into commands
 * by tracking quotes, not by lines.
 */
export function parseMounts(path: string): MountEntry[] {
  const data = readIfExists(path);
  if (!data) return [];
  const text = data.toString("utf8");
  const commands: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (!quoted && ch === "\\") {
      current += ch + (text[i + 1] ?? "");
      i++;
    } else if (!quoted && ch === "\n") {
      if (current.trim() !== "") commands.push(current);
      current = "";
    } else {
      if (ch === "'") quoted = !quoted;
      current += ch;
    }
  }
  if (current.trim() !== "") commands.push(current);
  const entries: MountEntry[] = [];
  for (const command of commands) {
    const words = splitQuotedWords(command);
    if (words[0] !== "sim_m" || words.length !== 17) throw new Error(`initsh simulate: unreadable mount table line ${JSON.stringify(command)}`);
    const [, , , , , target, , , , , , , , given, rtype, rsource, kind] = words as string[];
    if (kind !== "rootfs") entries.push({ source: rsource!, target: target!, type: rtype!, options: given! });
  }
  return entries;
}
