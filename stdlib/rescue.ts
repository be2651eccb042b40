import { hasCommand, run } from "../dsl/index.ts";
import { cmdline } from "./cmdline.ts";
import { log } from "./log.ts";

/** How many logged lines the rescue shell shows before it starts. */
const TAIL_LINES = 10;

/**
 * Stops the boot with a message and a shell on the console, and never returns: PID 1 must
 * not exit (the kernel would panic). It prints the message and the last lines of the boot
 * log, then starts `sh` on the console (through `setsid -c` when there is one, so the shell
 * gets job control); when that shell exits it starts it again. With
 * `rd.emergency=reboot` or `rd.emergency=poweroff` on the kernel command line it reboots or
 * powers off instead (falling back to the shell if that fails).
 *
 * @param message - what went wrong, shown first.
 * @example
 * mount(root, "/newroot", { type: "ext4" }) || rescueShell("cannot mount the root filesystem");
 */
export function rescueShell(message: string): never {
  log.fail(message);
  const recent = log.tail(TAIL_LINES);
  if (recent.length > 1) {
    console.log("The boot so far:");
    for (const line of recent) console.log(`  ${line}`);
  }
  /**
   * What the rescue shell does instead of starting: `reboot` or `poweroff` (on a machine
   * nobody watches); anything else starts the shell.
   */
  const action = cmdline.string("rd.emergency", "shell");
  for (;;) {
    if (action === "reboot") void run("reboot", "-f");
    if (action === "poweroff") void run("poweroff", "-f");
    console.log("Starting a rescue shell. Exit it to start another.");
    // With its own session and the console as controlling terminal, Ctrl-C and job control work.
    if (hasCommand("setsid")) void run("setsid", "-c", "sh");
    else void run("sh");
  }
}
