import { cmdline, mount, parseDeviceSpec, rescueShell, switchRoot } from "initsh";
export default function init(): never {
  const root = parseDeviceSpec(cmdline.string("root", "/dev/vda")) ?? rescueShell("root= is not a device");
  mount(root, "/newroot", { type: "ext4" }) || rescueShell("cannot mount root");
  switchRoot("/newroot");
}
