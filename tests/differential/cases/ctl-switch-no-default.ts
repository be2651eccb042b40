let hits = 0;
for (const v of [1, 2, 3, 4]) {
  switch (v) {
    case 2:
      hits += 10;
      break;
    case 4:
      hits += 100;
  }
  console.log(`v=${v} hits=${hits}`);
}
const k: string = "none";
switch (k) {
  case "x":
    console.log("never");
}
switch (hits) {
}
console.log("end");
