console.log("before bare exit");
console.error("stderr before bare exit");
console.log("still before");
process.exit();
