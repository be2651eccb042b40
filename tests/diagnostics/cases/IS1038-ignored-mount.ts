// expect: IS1038 at 4:3 "rescueShell"
import { mount, switchRoot } from "initsh";
export default function init(): never {
  mount("/dev/vda", "/newroot", { type: "ext4" });
  switchRoot("/newroot");
}
