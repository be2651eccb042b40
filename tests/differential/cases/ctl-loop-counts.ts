let iterations = 0;
for (let i = 0; i < 1000; i++) {
  iterations++;
}
console.log(iterations);
let n = 0;
let sum = 0;
while (n < 500) {
  n++;
  if (n % 7 !== 0) {
    continue;
  }
  sum += n;
}
console.log(sum);
let s = "";
for (let i = 0; i < 50; i++) {
  s += i % 10 === 0 ? "|" : ".";
}
console.log(s);
