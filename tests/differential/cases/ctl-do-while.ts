let i = 0;
do {
  console.log(`iteration ${i}`);
  i++;
} while (i < 3);
let once = 100;
do {
  console.log(`runs once with ${once}`);
  once++;
} while (once < 50);
console.log(once);
let n = 5;
do {
  n -= 2;
} while (n > 0);
console.log(n);
