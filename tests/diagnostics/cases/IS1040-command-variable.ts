// expect: IS1040 at 4:10
import { run } from "initsh";
const tool = "lvm";
if (!run(tool, "vgchange", "-ay")) console.log("failed");
