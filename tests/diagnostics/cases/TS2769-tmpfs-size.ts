// expect: TS2769 at 4:3 "share of RAM"
import { mount, rescueShell, switchRoot } from "initsh";
export default function init(): never {
  mount("tmpfs", "/newroot", { type: "tmpfs", size: "most" }) || rescueShell("no tmpfs");
  switchRoot("/newroot");
}
