// expect: TS7027 at 4:1
console.error("fatal");
process.exit(1);
console.log("never printed");
