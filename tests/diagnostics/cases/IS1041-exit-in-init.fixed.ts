import { cmdline, rescueShell, switchRoot } from "initsh";
export default function init(): never {
  if (cmdline.flag("noboot")) {
    rescueShell("noboot given: stopping here");
  }
  switchRoot("/newroot");
}
