const xs = ["a", "b"];
console.log(`items: ${xs.join(",")}`);
