const results: string[] = [];
for (let i = 1; i <= 4; i++) {
  const sq = i * i;
  const label = i % 2 === 0 ? "even" : "odd";
  results.push(`${i}:${sq}:${label}`);
}
console.log(results.join(" "));
let k = 0;
do {
  const doubled = k * 2;
  console.log(doubled);
  k++;
} while (k < 3);
for (const s of ["p", "q"]) {
  const up = s + s;
  {
    const up = "shadow";
    console.log(up);
  }
  console.log(up);
}
