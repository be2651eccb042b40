const flags = [true, false, true];
console.log(flags.length);
console.log(flags.join(","));
console.log(flags.join(" & "));
console.log(flags.includes(false));
const alltrue: boolean[] = [true];
alltrue.push(true);
console.log(alltrue.includes(false), alltrue.join());
let count = 0;
for (const f of flags) {
  if (f) {
    count++;
  }
}
console.log(`${count} of ${flags.length} set`);
console.log(flags[1], flags[5]);
