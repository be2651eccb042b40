let x = 1;
function inc(): number {
  x++;
  return x;
}
x += inc();
console.log(x);
let s = "a";
function app(): string {
  s += "b";
  return "c";
}
s += app();
console.log(s);
let y = 5;
function setY(): number {
  y = 100;
  return 1;
}
y = y + setY();
console.log(y);
