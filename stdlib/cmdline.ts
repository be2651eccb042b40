import { readFile, toInteger, traceCommands } from "../dsl/index.ts";
import { log } from "./log.ts";

/**
 * The kernel command line, parsed once from /proc/cmdline by the shell itself (no fork),
 * with the kernel's own rules: parameters are separated by spaces outside double quotes;
 * quotes around a whole parameter or around its value are removed (`root="LABEL=my disk"`);
 * everything after `--` is the init's own arguments. Values are data: nothing in them is ever
 * executed or expanded.
 */

/** Where the kernel shows the command line. */
const CMDLINE = "/proc/cmdline";

let parsed = false;
/** Every parameter in order: its name, its value ("" for a bare word), and whether it had `=`. */
const names: string[] = [];
const values: string[] = [];
const assigned: boolean[] = [];
/** The words after `--`. */
const initArgs: string[] = [];

/** Splits the command line into raw words, quotes kept where the kernel keeps them. */
function words(text: string): string[] {
  const out: string[] = [];
  let current = "";
  let started = false;
  const segments = text.replaceAll("\t", " ").replaceAll("\n", " ").replaceAll("\r", " ").split('"');
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] ?? "";
    if (i % 2 === 1) {
      // Inside quotes: spaces belong to the word. An unclosed quote runs to the end.
      current += i < segments.length - 1 ? `"${segment}"` : `"${segment}`;
      started = true;
      continue;
    }
    const pieces = segment.split(" ");
    for (let j = 0; j < pieces.length; j++) {
      const piece = pieces[j] ?? "";
      if (j > 0 && started) {
        out.push(current);
        current = "";
        started = false;
      }
      if (piece !== "") {
        current += piece;
        started = true;
      }
    }
  }
  if (started) out.push(current);
  return out;
}

interface Param {
  name: string;
  value: string;
  /** Whether the word had `=` (a bare word has no value). */
  assigned: boolean;
}

/** One word as the kernel's next_arg() reads it: the quotes around it or its value go. */
function nextArg(word: string): Param {
  let arg = word;
  const quoted = arg.startsWith('"');
  if (quoted) arg = arg.slice(1);
  const equals = arg.indexOf("=");
  if (equals < 0) return { name: quoted && arg.endsWith('"') ? arg.slice(0, -1) : arg, value: "", assigned: false };
  let value = arg.slice(equals + 1);
  if (value.startsWith('"')) {
    value = value.slice(1);
    if (value.endsWith('"')) value = value.slice(0, -1);
  } else if (quoted && value.endsWith('"')) {
    value = value.slice(0, -1);
  }
  return { name: arg.slice(0, equals), value, assigned: true };
}

/** Reads and parses /proc/cmdline the first time a parameter is asked for. */
function parse(): void {
  if (parsed) return;
  parsed = true;
  const text = readFile(CMDLINE);
  if (text === undefined) {
    log.warn(`cannot read ${CMDLINE}: is /proc mounted?`);
    return;
  }
  let forInit = false;
  // /proc/cmdline ends in a newline the kernel's own copy does not have.
  for (const word of words(text.endsWith("\n") ? text.slice(0, -1) : text)) {
    const param = nextArg(word);
    if (forInit) {
      initArgs.push(param.assigned ? `${param.name}=${param.value}` : param.name);
    } else if (word === "--") {
      forInit = true;
    } else {
      names.push(param.name);
      values.push(param.value);
      assigned.push(param.assigned);
    }
  }
  /**
   * `debug` (the kernel's own switch) or `rd.debug` (which leaves kernel logging alone): print
   * every command the init runs, with the line of the init that runs it.
   */
  const tracing = flagValue("debug") === true || flagValue("rd.debug") === true;
  traceCommands(tracing);
}

/** Index of the last occurrence of `name`, or -1. */
function lastIndex(name: string): number {
  for (let i = names.length - 1; i >= 0; i--) {
    if (names[i] === name) return i;
  }
  return -1;
}

/**
 * The last `name` as a switch: true for a bare `name` or any value but 0/no/false/off, false
 * for those, undefined when absent.
 * @kernelParameter flag
 */
function flagValue(name: string): boolean | undefined {
  const i = lastIndex(name);
  if (i < 0) return undefined;
  if (assigned[i] !== true) return true;
  const value = values[i] ?? "";
  return !(value === "0" || value === "no" || value === "false" || value === "off");
}

/** Kernel command-line parameters (see the module comment for the parsing rules). */
export namespace cmdline {
  /**
   * Reads /proc/cmdline now. It is otherwise read the first time a parameter is asked for;
   * call this before /proc moves away (switchRoot does).
   */
  export function read(): void {
    parse();
  }

  /**
   * The value of the last `name=value` on the command line (a bare `name` gives `""`), or
   * `undefined` when `name` is not there.
   * @example
   * const root = cmdline.string("root");
   * @kernelParameter string
   */
  export function string(name: string): string | undefined;
  /**
   * The value of the last `name=value` on the command line, or `fallback` when `name` is not
   * there.
   * @example
   * const size = cmdline.string("rootfssize", "90%");
   * @kernelParameter string
   */
  export function string(name: string, fallback: string): string;
  export function string(name: string, fallback?: string): string | undefined {
    parse();
    const i = lastIndex(name);
    if (i < 0) return fallback;
    return values[i] ?? "";
  }

  /**
   * Whether a switch is on: a bare `name`, or `name=` anything but `0`, `no`, `false` or
   * `off` (the last occurrence counts). False when absent.
   * @example
   * if (cmdline.flag("debug")) log.info("debug boot");
   * @kernelParameter flag
   */
  export function flag(name: string): boolean {
    parse();
    return flagValue(name) === true;
  }

  /**
   * The last `name=N` as an integer, or `fallback` when absent. A value that is not a decimal
   * integer (see toInteger) prints a warning on the console and gives `fallback`.
   * @example
   * const timeout = cmdline.int("rootdelay", 10);
   * @kernelParameter int
   */
  export function int(name: string, fallback: number): number {
    parse();
    const i = lastIndex(name);
    if (i < 0) return fallback;
    const value = values[i] ?? "";
    const n = toInteger(value);
    if (n === undefined) log.warn(`${name}=${value} is not a whole number: using ${fallback}`);
    return n ?? fallback;
  }

  /**
   * Every value of `name`, in command-line order (for parameters that may repeat, such as
   * `modules=a modules=b`). A bare `name` contributes `""`.
   * @kernelParameter list
   */
  export function all(name: string): string[] {
    parse();
    const out: string[] = [];
    for (let i = 0; i < names.length; i++) {
      if (names[i] === name) out.push(values[i] ?? "");
    }
    return out;
  }

  /**
   * Whether `name` appears at all, with or without a value.
   * @kernelParameter presence
   */
  export function has(name: string): boolean {
    parse();
    return lastIndex(name) >= 0;
  }

  /**
   * The words after `--`: arguments the kernel passes to the init itself.
   * @kernelParameter args
   */
  export function args(): string[] {
    parse();
    const out: string[] = [];
    for (const a of initArgs) out.push(a);
    return out;
  }
}
