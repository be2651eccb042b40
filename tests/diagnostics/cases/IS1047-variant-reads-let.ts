// expect: IS1047 at 5:34 "only constants"
import { variant, type Variants } from "initsh";
interface Config { root: string }
let root = "/dev/vda";
export const variants = { one: { root } } satisfies Variants<Config>;
const config = variant<Config>();
console.log(config.root);
