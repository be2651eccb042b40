// expect: IS1048 at 6:3 "has 'lvm'"
import { variant, type Variants } from "initsh";
interface Config { luks: boolean }
const withLvm = (luks: boolean): Config => ({ luks, lvm: true }) as Config;
export const variants = {
  lvm: withLvm(true),
} satisfies Variants<Config>;
const config = variant<Config>();
console.log(config.luks ? "crypt" : "plain");
