// expect: TS2534 at 3:33 "PID 1"
import { log, mount, rescueShell } from "initsh";
export default function init(): never {
  mount("proc", "/proc", { type: "proc" }) || rescueShell("no /proc");
  log.info("mounted /proc");
}
