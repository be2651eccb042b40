const xs = [1, 2, 3];
const ys: number[] = [];
let i = 0;
for (const x of xs) {
  ys.push(i === 0 ? 9 : x);
  i++;
}
console.log(ys.join(","));
