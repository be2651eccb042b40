// expect: IS1049 at 6:9
import { variant, type Variants } from "initsh";
interface Config { debug: boolean }
export const variants = { quiet: { debug: false } } satisfies Variants<Config>;
function debugging(): boolean {
  const config = variant<Config>();
  return config.debug;
}
console.log(debugging() ? "debug" : "quiet");
