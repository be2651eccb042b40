// expect: IS1041 at 5:5
import { cmdline, switchRoot } from "initsh";
export default function init(): never {
  if (cmdline.flag("noboot")) {
    process.exit(1);
  }
  switchRoot("/newroot");
}
