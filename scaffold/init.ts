/**
 * The initramfs's /init: find the root filesystem named on the kernel command line, mount it
 * and hand over to its init. `npm run check` type-checks it and runs initsh's checks,
 * `npm run build` compiles it to build/init.sh, `npm test` boots it on a simulated machine.
 *
 * Every path must end in switchRoot(…), exec(…) or rescueShell(…): PID 1 must never return.
 * The comment above a `cmdline` read documents that kernel parameter (`npx initsh params init.ts`).
 */
import { cmdline, earlySetup, log, mount, parseDeviceSpec, rescueShell, switchRoot, waitForDevice } from "initsh";

export default function init(): never {
  earlySetup() || rescueShell("cannot mount /proc, /sys and /dev");

  /** The root filesystem's device (required): `/dev/vda1`, `LABEL=root`, `UUID=…`, `PARTUUID=…` or `PARTLABEL=…`. */
  const root = parseDeviceSpec(cmdline.string("root", "")) ?? rescueShell("root= is missing or is not /dev/…, LABEL=…, UUID=…, PARTUUID=… or PARTLABEL=…");
  /** How many seconds to wait for the root device to appear. */
  const device = waitForDevice(root, cmdline.int("rootdelay", 10)) ?? rescueShell(`the root device ${root} did not appear`);

  /** `rw`: mount the root filesystem read-write (it is mounted read-only otherwise). */
  mount(device, "/newroot", { type: "ext4", readonly: !cmdline.flag("rw") }) || rescueShell(`cannot mount ${device} on /newroot`);
  log.ok(`Mounted ${root} on /newroot`);

  /** The program to start as PID 1 on the root filesystem; the words after `--` are its arguments. */
  switchRoot("/newroot", cmdline.string("init", "/sbin/init"), ...cmdline.args());
}
