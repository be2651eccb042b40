// expect: IS1047 at 5:16 "exists only at boot"
import { cmdline, variant, type Variants } from "initsh";
interface Config { root: string }
export const variants = {
  one: { root: cmdline.string("root", "/dev/vda") },
} satisfies Variants<Config>;
const config = variant<Config>();
console.log(config.root);
