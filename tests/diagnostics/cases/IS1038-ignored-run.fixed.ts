import { log, run } from "initsh";
if (!run("modprobe", "ext4")) log.warn("no ext4 module: it may be built in");
void run("modprobe", "squashfs"); // optional: failure does not matter
console.log("done");
