console.log("line 1");
console.log("line 2");
console.error("stderr line");
process.exit(0);
