function noisy(x: number): number {
  console.log(`noisy(${x})`);
  console.error(`noisy stderr ${x}`);
  return x * 10;
}
const v = noisy(1) + noisy(2);
console.log(v);
const s = `value ${noisy(3)}`;
console.log(s);
console.log(noisy(4));
if (noisy(5) > 40) {
  console.log("big");
}
