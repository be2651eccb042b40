import { isTerminal } from "../dsl/index.ts";

/** The lines printed so far, newest last: rescueShell shows the end of it. */
const history: string[] = [];

/** Column where status tags start on a terminal, as in Linux Live Kit's init. */
const TAG_COLUMN = 70;

function emit(line: string): void {
  console.log(line);
  history.push(line);
}

/** `message`, then `[ tag ]` at column 70, in colour when the console is a terminal. */
function status(message: string, tag: string, colour: string): void {
  if (isTerminal(1)) {
    console.log(`${message}\u001b[${TAG_COLUMN}G[ \u001b[1;${colour}m${tag}\u001b[0;39m ]`);
    history.push(`${message} [ ${tag} ]`);
  } else {
    emit(`${message} [ ${tag} ]`);
  }
}

/**
 * Console status lines in the style of Linux Live Kit's init: the message, then a status tag
 * (`[ OK ]`, `[ Failed ]` …) at column 70, coloured only when the console is a terminal.
 */
export namespace log {
  /** A plain line on the console. */
  export function info(message: string): void {
    emit(message);
  }

  /** A step that worked: `message [ OK ]`. */
  export function ok(message: string): void {
    status(message, "OK", "32");
  }

  /** A step that did not work but the boot goes on: `message [ Warning ]`. */
  export function warn(message: string): void {
    status(message, "Warning", "33");
  }

  /** A step that failed: `message [ Failed ]`. */
  export function fail(message: string): void {
    status(message, "Failed", "31");
  }

  /** The last `count` lines logged, oldest first (what rescueShell shows). */
  export function tail(count: number): string[] {
    const out: string[] = [];
    const start = history.length > count ? history.length - count : 0;
    for (let i = start; i < history.length; i++) {
      const line = history[i];
      if (line !== undefined) out.push(line);
    }
    return out;
  }
}
