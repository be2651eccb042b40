// expect: IS1050 at 5:3
import { variant, type Variants } from "initsh";
interface Config { debug: boolean }
export const variants = {
  "my laptop": { debug: true },
} satisfies Variants<Config>;
const config = variant<Config>();
console.log(config.debug ? "debug" : "quiet");
