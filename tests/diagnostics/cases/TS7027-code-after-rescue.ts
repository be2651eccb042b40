// expect: TS7027 at 5:3
import { log, rescueShell } from "initsh";
export default function init(): never {
  rescueShell("stop");
  log.info("never printed");
}
