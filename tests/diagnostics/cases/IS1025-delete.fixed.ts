interface Opts {
  debug?: boolean;
}
let opts: Opts = { debug: true };
opts = { debug: undefined };
console.log(opts.debug === undefined);
