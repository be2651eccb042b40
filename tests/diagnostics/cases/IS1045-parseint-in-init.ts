// expect: IS1045 at 5:17 "PID 1"
import { cmdline, sleep, switchRoot } from "initsh";
export default function init(): never {
  const text = cmdline.string("delay", "0");
  const delay = parseInt(text, 10);
  sleep(delay);
  switchRoot("/newroot");
}
