interface Opts {
  verbose: boolean;
  dryRun: boolean;
  name: string;
}
function describe(o: Opts): string {
  return `${o.name}: verbose=${o.verbose} dry=${o.dryRun}`;
}
function flag(name: string, value: boolean = false): string {
  return value ? `--${name}` : `--no-${name}`;
}
const o: Opts = { verbose: true, dryRun: false, name: "job" };
console.log(describe(o));
console.log(`${flag("color")} ${flag("color", true)} ${flag("color", false)}`);
console.log(o.verbose && !o.dryRun);
