// expect: IS1026 at 3:23
const xs = ["a", "b"];
console.log(`items: ${xs}`);
