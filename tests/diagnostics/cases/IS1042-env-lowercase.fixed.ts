import { env } from "initsh";
const home = env("HOME");
console.log(home ?? "none");
