// expect: TS2353 at 5:25
import { variant, type Variants } from "initsh";
interface Config { luks: boolean }
export const variants = {
  plain: { luks: false, lvm: true },
} satisfies Variants<Config>;
const config = variant<Config>();
console.log(config.luks ? "crypt" : "plain");
