const star: string = "*";
const q: string = "?";
const br: string = "[x]";
const combo = "*.txt ? [a-z]* [!x]";
console.log(star);
console.log(q);
console.log(br);
console.log(combo);
console.log(`${star}${q}${br}`);
const arr = [star, q, br, "x", "y"];
console.log(arr.join(" "));
console.log(arr.length);
for (const a of arr) {
  console.log(`item ${a}`);
}
console.log(star === "x", q === "x", br === "x");
console.log(star.length, combo.split(" ").length);
