import { mount, rescueShell, switchRoot } from "initsh";
export default function init(): never {
  mount("/dev/vda", "/newroot", { type: "ext4" }) || rescueShell("cannot mount the root filesystem");
  switchRoot("/newroot");
}
