import { log, rescueShell } from "initsh";
export default function init(): never {
  log.info("booting");
  rescueShell("nothing to boot yet");
}
