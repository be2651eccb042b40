// expect: IS1045 at 4:17 "toInteger"
import { cmdline, rescueShell, sleep, switchRoot } from "initsh";
export default function init(): never {
  const delay = Number(cmdline.string("delay", "0"));
  if (delay < 0) rescueShell("delay= is negative");
  sleep(delay);
  switchRoot("/newroot");
}
