// expect: IS1011 at 7:22
interface Opts {
  ro: boolean;
  quiet: boolean;
}
const defaults: Opts = { ro: true, quiet: false };
const opts: Opts = { ...defaults, quiet: true };
console.log(opts.quiet);
