const label = "count";
console.log(`${label} 1`);
console.log("count", 1);
