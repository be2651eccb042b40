// expect: IS1048 at 8:3 "lacks 'modules'"
import { variant, type Variants } from "initsh";
interface Config { luks: boolean; modules: string[] }
// A cast hides the missing field from the type checker; the compiler still sees it.
const make = (luks: boolean): Config => ({ luks }) as Config;
export const variants = {
  plain: make(false),
  crypt: make(true),
} satisfies Variants<Config>;
const config = variant<Config>();
console.log(config.luks ? "crypt" : "plain");
