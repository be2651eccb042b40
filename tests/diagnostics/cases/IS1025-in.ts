// expect: IS1025 at 6:21
interface Opts {
  debug?: boolean;
}
const opts: Opts = { debug: true };
console.log("debug" in opts);
