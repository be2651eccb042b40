// expect: IS1038 at 9:1
import { run } from "initsh";
/** Loads the storage drivers. @fallible */
function loadDrivers(): boolean {
  return run("modprobe", "virtio_blk");
}
loadDrivers();
console.log("loaded");
loadDrivers();
