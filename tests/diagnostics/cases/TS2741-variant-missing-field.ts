// expect: TS2741 at 5:3
import { variant, type Variants } from "initsh";
interface Config { luks: boolean; modules: string[] }
export const variants = {
  plain: { luks: false },
} satisfies Variants<Config>;
const config = variant<Config>();
console.log(config.luks ? "crypt" : "plain");
