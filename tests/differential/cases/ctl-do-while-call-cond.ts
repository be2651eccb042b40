let n = 0;
function more(): boolean {
  n++;
  console.log(`check ${n}`);
  return n < 3;
}
do {
  console.log(`body ${n}`);
} while (more());
console.log(`n=${n}`);
let m = 10;
function dec(): number {
  m -= 3;
  return m;
}
while (dec() > 0) {
  console.log(`m=${m}`);
}
console.log(`final m=${m}`);
