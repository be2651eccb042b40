for (let i = 0; i < 3; i++) {
  let fresh: string | undefined;
  if (i === 0) {
    fresh = "set in first iteration";
  }
  console.log(`${i}: ${fresh}`);
}
let round = 0;
while (round < 3) {
  let acc = "";
  let count: number | undefined;
  acc += String(round);
  console.log(`round ${round} acc=${acc} count=${count}`);
  count = round;
  round++;
}
for (const w of ["a", "b"]) {
  let local = w;
  local += local;
  console.log(local);
}
