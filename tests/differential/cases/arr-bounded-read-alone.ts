// A fixed array read only at in-bounds indexes, in a program with no function or helper that
// returns a value: only `eval` sets the result register, so the script declares it (shellcheck).
const xs = ["a", "*", "", "$(id)"];
for (let i = 0; i < xs.length; i++) {
  const v = xs[i];
  if (v === undefined) console.log("never");
  else console.log(`[${v}]`);
}
