import { cmdline, rescueShell, sleep, switchRoot, toInteger } from "initsh";
export default function init(): never {
  const delay = toInteger(cmdline.string("delay", "0")) ?? rescueShell("delay= is not a whole number");
  if (delay < 0) rescueShell("delay= is negative");
  sleep(delay);
  switchRoot("/newroot");
}
