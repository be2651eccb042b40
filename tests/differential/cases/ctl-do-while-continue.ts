let i = 0;
let seen = "";
do {
  i++;
  if (i === 2) {
    continue;
  }
  if (i === 5) {
    break;
  }
  seen += String(i);
} while (i < 8);
console.log(seen);
console.log(i);
let j = 0;
let guard = 0;
do {
  j++;
  guard++;
  continue;
} while (j < 4);
console.log(`j=${j} guard=${guard}`);
let k = 10;
do {
  k++;
  if (k > 5) {
    continue;
  }
  console.log("never printed");
} while (k < 3);
console.log(`k=${k}`);
