// expect: IS1032 at 2:26
import { greeting } from "./support/greeting";
console.log(greeting());
