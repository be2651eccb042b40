console.log("starting");
console.log("working");
console.error("about to exit with 42");
const code = 40 + 2;
process.exit(code);
