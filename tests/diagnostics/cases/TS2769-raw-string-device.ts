// expect: TS2769 at 5:3 "parseDeviceSpec"
import { cmdline, mount, rescueShell, switchRoot } from "initsh";
export default function init(): never {
  const root = cmdline.string("root", "/dev/vda");
  mount(root, "/newroot", { type: "ext4" }) || rescueShell("cannot mount root");
  switchRoot("/newroot");
}
