// expect: IS1046 at 3:16
import { variant } from "initsh";
const config = variant<{ debug: boolean }>();
console.log(config.debug ? "debug" : "quiet");
