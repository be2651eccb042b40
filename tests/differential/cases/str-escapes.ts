console.log("\x41\x42\x43");
console.log("\u0044\u0045");
console.log(`\u{46}\u{47}`);
console.log("tab[\t] vt[\v] ff[\f] bs[\b]");
console.log("quote\" apos\' backslash\\");
const cont = "abc\
def";
console.log(cont.length, cont);
console.log("\x24HOME \x60cmd\x60 \x5c");
console.log("\v".length, "\f".length, "\b".length);
