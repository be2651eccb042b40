// expect: IS1038 at 3:1
import { run } from "initsh";
run("modprobe", "ext4");
console.log("done");
