console.log(Math.floor(7 / 2), Math.trunc(7 / 2));
console.log(Math.floor(-7 / 2), Math.trunc(-7 / 2));
console.log(Math.floor(7 / -2), Math.trunc(7 / -2));
console.log(Math.floor(-7 / -2), Math.trunc(-7 / -2));
console.log(Math.floor(-9 / 3), Math.trunc(-9 / 3));
console.log(Math.floor(-1 / 3));
console.log(`${Math.trunc(-1 / 3)}`);
console.log(Math.floor(1999999999 / 7), Math.trunc(-1999999999 / 7));
console.log(Math.floor(-1999999999 / 7));
const divisors = [3, -3, 4];
for (let a = -7; a <= 7; a += 2) {
  let line = `${a}:`;
  for (const d of divisors) {
    line += ` ${Math.floor(a / d)}/${Math.trunc(a / d)}/${a % d}`;
  }
  console.log(line);
}
