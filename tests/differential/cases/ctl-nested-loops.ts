for (let i = 1; i <= 3; i++) {
  let row = "";
  for (let j = 1; j <= 4; j++) {
    if (j === 3) {
      continue;
    }
    if (i === 2 && j === 4) {
      break;
    }
    row += ` ${i * j}`;
  }
  console.log(`row ${i}:${row}`);
}
let found = "";
for (const a of ["x", "y", "z"]) {
  for (const b of ["1", "2", "3"]) {
    if (b === "2") {
      break;
    }
    found += a + b;
  }
}
console.log(found);
let w = 0;
while (w < 3) {
  let inner = 0;
  do {
    inner++;
  } while (inner < w);
  console.log(`w=${w} inner=${inner}`);
  w++;
}
