// Lines of plain text (fixed text, numbers, booleans: the small printf stand-in's echo prints
// them) and lines that need the full stand-in (a backslash, a leading "-n", text only known at
// run time), side by side.
const n = -5;
const t = true;
const word = "-n";
console.log(n);
console.log(n, "items", t);
console.log(`${n} -n ${t}`);
console.log("-n");
console.log(word);
console.log("a\\c");
console.log(-1 + 0, "-e");
console.log(`${"-"}n`);
console.log("");
console.log();
console.error(`x ${n * 2}`);
console.log("" + n + "x");
console.log(`${word.length > 1} ${word}`);
console.log(0 - 7, n > 0);
