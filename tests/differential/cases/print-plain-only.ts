// Only plain lines: the program carries the smallest printf stand-in, which prints with echo
// in posh and mksh. Numbers (negative too), booleans, empty lines, text with quotes and %.
const n = -12;
let ok = n < 0;
console.log(n);
console.log(`${n}n ${ok}`);
console.log("it's 100% \"plain\" text: $HOME `x` *");
console.log();
console.log("");
console.log(n * n, "squared", ok);
ok = !ok;
console.error(`error line ${ok}`);
console.log(`-${n}`.length);
