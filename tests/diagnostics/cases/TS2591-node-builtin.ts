// expect: TS2591 at 2:30
import { readFileSync } from "node:fs";
console.log(readFileSync("/proc/cmdline", "utf8"));
