let x = 10;
x += 5;
console.log(x);
x -= 20;
console.log(x);
x *= -3;
console.log(x);
x++;
console.log(x);
x--;
x--;
console.log(x);
++x;
--x;
--x;
console.log(x);
let y = 1;
for (let i = 0; i < 10; i++) {
  y *= 2;
  y -= 1;
}
console.log(y);
let z = 0;
z += x * 2 + y;
console.log(z);
