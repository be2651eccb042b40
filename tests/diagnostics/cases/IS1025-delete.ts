// expect: IS1025 at 6:1
interface Opts {
  debug?: boolean;
}
const opts: Opts = { debug: true };
delete opts.debug;
console.log("deleted");
