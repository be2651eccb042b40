// expect: IS1047 at 5:3 "integers"
import { variant, type Variants } from "initsh";
interface Config { delay: number }
export const variants = {
  slow: { delay: Math.floor(7 / 2) + 0.5 },
} satisfies Variants<Config>;
const config = variant<Config>();
console.log(`${config.delay}`);
