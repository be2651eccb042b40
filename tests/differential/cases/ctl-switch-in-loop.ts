let log = "";
for (let i = 0; i < 6; i++) {
  switch (i % 3) {
    case 0:
      log += "z";
      break;
    case 1:
      log += "o";
      continue;
    default:
      log += "t";
  }
  log += ".";
}
console.log(log);
let n = 0;
while (n < 10) {
  n++;
  switch (n) {
    case 4:
      console.log("four: continue");
      continue;
    case 6:
      console.log("six: break switch");
      break;
  }
  if (n === 7) {
    console.log("seven: break loop");
    break;
  }
}
console.log(`n=${n}`);
