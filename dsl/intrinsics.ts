/**
 * Intrinsics: the primitives the compiler lowers itself, recognised by these declarations
 * (never by their names). Everything else in initsh's boot library is written in the DSL on
 * top of them (see stdlib/).
 *
 * Command names must be string literals, so the compiler knows every program an init may
 * run. Functions tagged `@fallible` return whether they worked; ignoring that result is a
 * compile error (write `run(…) || rescueShell("…")`, or test it).
 *
 * @module
 */

/**
 * One or more arguments of an external command: a string or number is one argument; every
 * element of an array is one argument. Values are passed as they are: never split on spaces,
 * never globbed, never executed.
 */
export type Arg = string | number | readonly string[];

/**
 * Runs an external command and waits for it. Its output goes to the console.
 *
 * @param command - the program's name or path, as a string literal (`"mount"`, `"/sbin/lvm"`).
 * @param args - its arguments; arrays contribute one argument per element.
 * @returns whether it exited with status 0.
 * @fallible
 * @example
 * run("modprobe", "ext4") || rescueShell("no ext4 driver");
 */
export declare function run(command: string, ...args: Arg[]): boolean;

/**
 * Runs an external command and returns what it printed on standard output, without the
 * trailing newlines; `undefined` when it failed (non-zero exit status). Costs a fork for the
 * pipe, like `$(…)` in sh.
 *
 * @param command - the program's name or path, as a string literal.
 * @fallible
 * @example
 * const dev = capture("findfs", "LABEL=root");
 */
export declare function capture(command: string, ...args: Arg[]): string | undefined;

/**
 * Like `run`, with the command's output and error messages discarded: for questions whose
 * answer is the exit status (`runQuiet("cryptsetup", "isLuks", dev)`).
 *
 * @fallible
 */
export declare function runQuiet(command: string, ...args: Arg[]): boolean;

/**
 * Like `capture`, with the command's error messages discarded: for lookups that are expected
 * to fail while a device has not appeared yet (`captureQuiet("findfs", "LABEL=root")`).
 *
 * @fallible
 */
export declare function captureQuiet(command: string, ...args: Arg[]): string | undefined;

/**
 * Runs an external command with `input` (plus a newline) on its standard input, as a
 * here-document: the text never appears on a command line or in the process list.
 *
 * @param input - the text to feed, e.g. a passphrase.
 * @param command - the program's name or path, as a string literal.
 * @returns whether it exited with status 0.
 * @fallible
 */
export declare function runWithInput(input: string, command: string, ...args: Arg[]): boolean;

/**
 * Replaces the running script with an external program (`exec`). It does not return. If the
 * program cannot be started, an init drops into the rescue shell (a plain script exits 127).
 *
 * @param command - the program's name or path, as a string literal.
 */
export declare function exec(command: string, ...args: Arg[]): never;

/**
 * Whether a program can be run: found on PATH (or, for a path, present and executable), by
 * the shell's own `command -v`. No fork.
 *
 * @param command - the program's name or path, as a string literal.
 * @example
 * if (hasCommand("setsid")) void run("setsid", "-c", "sh");
 */
export declare function hasCommand(command: string): boolean;

/** Whether anything exists at `path` (`[ -e path ]`). No fork. */
export declare function exists(path: string): boolean;
/** Whether `path` is a directory (`[ -d path ]`). No fork. */
export declare function isDir(path: string): boolean;
/** Whether `path` is a regular file (`[ -f path ]`). No fork. */
export declare function isFile(path: string): boolean;
/** Whether `path` is a block device (`[ -b path ]`). No fork. */
export declare function isBlockDevice(path: string): boolean;
/** Whether `path` is a symbolic link (`[ -L path ]`). No fork. */
export declare function isSymlink(path: string): boolean;
/** Whether `path` is executable by this process (`[ -x path ]`). No fork. */
export declare function isExecutable(path: string): boolean;

/**
 * The whole content of a text file, read with the shell's own `read` (no fork): right for
 * small files such as /proc/cmdline or /proc/partitions. `undefined` when it cannot be read.
 * NUL bytes are not supported.
 */
export declare function readFile(path: string): string | undefined;

/**
 * Writes `text` to a file, replacing its content. No fork.
 *
 * @returns whether the file could be written.
 * @fallible
 */
export declare function writeFile(path: string, text: string): boolean;

/**
 * Appends `text` to a file, creating it if needed. No fork.
 *
 * @returns whether the file could be written.
 * @fallible
 */
export declare function appendFile(path: string, text: string): boolean;

/**
 * The names in a directory (not `.` or `..`), in the shell's glob order, found without a
 * fork. An empty array when the directory is empty or missing.
 */
export declare function listDir(path: string): string[];

/**
 * The integer that `text` holds: surrounding whitespace, an optional sign and 1 to 9 decimal
 * digits (leading zeros aside). Anything else is `undefined` — `""`, `"5s"`, `"1.5"`,
 * `"0x10"`, or more digits than every target shell's arithmetic holds. No fork.
 *
 * This is the conversion for text from outside (the kernel command line, a file): an init
 * must say what happens when it is not a number, where `Number(text)` would stop the script.
 *
 * @example
 * const delay = toInteger(cmdline.string("delay", "0")) ?? rescueShell("delay= is not a number");
 */
export declare function toInteger(text: string): number | undefined;

/**
 * Creates a directory and its missing parents (`mkdir -p`, an external command).
 *
 * @returns whether the directory exists afterwards.
 * @fallible
 */
export declare function mkdir(path: string): boolean;

/**
 * Waits `seconds` (the external `sleep`). A number literal may have a fraction, as busybox
 * `sleep` accepts: `sleep(0.1)`.
 */
export declare function sleep(seconds: number): void;

/**
 * The value of an environment variable, or `undefined` when it is not set.
 *
 * @param name - the variable's name, as a string literal.
 */
export declare function env(name: string): string | undefined;

/**
 * Sets and exports an environment variable for the commands the script runs afterwards.
 *
 * @param name - the variable's name, as a string literal.
 */
export declare function setEnv(name: string, value: string): void;

/** One line from standard input without its newline, or `undefined` at end of input. */
export declare function readLine(): string | undefined;

/** Whether a file descriptor (0, 1 or 2) is a terminal (`[ -t fd ]`). */
export declare function isTerminal(fd: 0 | 1 | 2): boolean;

/**
 * Points the script's standard input, output and error at `device` (`exec <dev >dev 2>&1`),
 * e.g. "/dev/console" once devtmpfs is mounted.
 *
 * @returns whether the device could be opened.
 * @fallible
 */
export declare function useConsole(device: string): boolean;

/**
 * Turns on or off the trace of external commands: with it on, every command the script runs
 * is printed first on standard error with the TypeScript line it came from, its arguments
 * quoted as `set -x` shows them (`+ init.ts:12: findfs 'LABEL=my root'`: one argument).
 */
export declare function traceCommands(on: boolean): void;

/**
 * Where the code that called into the boot library is: `init.ts:42`. In the library it names
 * the user's call, so error messages point at the user's source; elsewhere, the line itself.
 */
export declare function callSite(): string;
