// expect: IS1039 at 3:25
import { log } from "initsh";
export default function init(): void {
  log.info("booting");
}
