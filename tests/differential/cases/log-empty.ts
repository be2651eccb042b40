console.log();
console.log("after empty");
console.log("");
console.log();
console.error();
console.error("stderr after empty");
console.log(`${""}`);
console.log("end");
