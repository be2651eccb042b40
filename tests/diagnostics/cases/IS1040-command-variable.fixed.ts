import { run } from "initsh";
const useLvm = "lvm".length > 0;
if (useLvm && !run("lvm", "vgchange", "-ay")) console.log("failed");
