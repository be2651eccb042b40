const ops = ["!", "(", ")", "=", "!=", "-a", "-o", "-n", "-z", "-eq", "-f", "]", "[", "==", "-lt"];
let line = "";
for (const a of ops) {
  let eqCount = 0;
  for (const b of ops) {
    if (a === b) {
      eqCount++;
    }
  }
  line += String(eqCount);
  console.log(`${a} ${a === "!"} ${a !== "="} ${a.length}`);
}
console.log(line);
const x: string = "-n";
const y: string = "";
console.log(x === y, y === x, x === "-n", y === "");
const z: string = "=";
console.log(z === "=", z !== "!=", x === "-z");
