console.log("exiting 255");
console.log("really");
console.error("bye");
process.exit(255);
