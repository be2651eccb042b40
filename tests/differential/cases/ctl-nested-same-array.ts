const xs = ["a", "b", "c"];
const pairs: string[] = [];
for (const x of xs) {
  for (const y of xs) {
    if (x === y) {
      continue;
    }
    pairs.push(x + y);
  }
}
console.log(pairs.join(" "));
function findPair(target: string): string {
  for (const x of xs) {
    for (const y of xs) {
      if (x + y === target) {
        return `found ${x}+${y}`;
      }
    }
  }
  return "none";
}
console.log(findPair("ca"));
console.log(findPair("zz"));
let count = 0;
for (let i = 0; i < xs.length; i++) {
  for (let j = i; j < xs.length; j++) {
    for (const z of xs) {
      if (z === "b") {
        break;
      }
      count++;
    }
  }
}
console.log(count);
