// expect: IS1042 at 3:18
import { env } from "initsh";
const home = env("home");
console.log(home ?? "none");
