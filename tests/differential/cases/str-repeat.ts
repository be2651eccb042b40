for (let i = 0; i < 4; i++) {
  console.log(`[${"ab".repeat(i)}]`);
}
console.log("-".repeat(10));
console.log(`[${"".repeat(5)}]`);
const n = 3;
console.log("x ".repeat(n) + "|");
console.log("=".repeat(n * 2).length);
const pad = " ".repeat(4);
console.log(`${pad}indented`);
