// As arr-bounded-read-alone, with the element read only in arithmetic (`$((s + __r * 2))`):
// shellcheck sees that read of the result register too, so the script still declares it.
const ns = [3, -4, 0];
let sum = 0;
for (let i = 0; i < ns.length; i++) sum += (ns[i] ?? 0) * 2;
console.log(sum);
