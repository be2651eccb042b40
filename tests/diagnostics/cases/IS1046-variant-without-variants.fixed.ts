import { variant, type Variants } from "initsh";
interface Config { debug: boolean }
export const variants = { quiet: { debug: false }, debug: { debug: true } } satisfies Variants<Config>;
const config = variant<Config>();
console.log(config.debug ? "debug" : "quiet");
