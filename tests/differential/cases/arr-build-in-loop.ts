const evens: number[] = [];
const odds: number[] = [];
for (let i = 0; i < 15; i++) {
  if (i % 2 === 0) {
    evens.push(i);
  } else {
    odds.push(i);
  }
}
console.log(evens.join(" "));
console.log(odds.join(" "));
console.log(evens.length + odds.length);
const squares: string[] = [];
let k = 1;
while (squares.length < 6) {
  squares.push(String(k * k));
  k++;
}
console.log(squares.join(","));
