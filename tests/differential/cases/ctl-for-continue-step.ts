// `continue` in a for loop runs the step: from the body, from a switch, from nested loops.
let out = "";
for (let i = 0; i < 6; i++) {
  if (i % 2 === 0) continue;
  out += i;
}
console.log(out);
out = "";
let j = 10;
for (let i = 0; i < j; i += 1) {
  j -= 1;
  if (i === 2) continue;
  out += `${i}:${j} `;
}
console.log(out);
out = "";
for (let i = 0; i < 5; i++) {
  switch (i) {
    case 1:
      out += "one";
      continue;
    case 3:
      out += "three";
      break;
    default:
      if (i === 4) continue;
      out += "d";
  }
  out += ".";
}
console.log(out);
out = "";
for (let i = 0; i < 3; i++) {
  let w = 0;
  while (w < 3) {
    w++;
    if (w === 2) continue;
    out += `${i}${w} `;
  }
  if (i === 1) continue;
  out += "| ";
}
console.log(out);
let calls = 0;
function step(): number {
  calls++;
  return 1;
}
out = "";
for (let i = 0; i < 8; i += step()) {
  if (i === 1) continue;
  if (i === 3) continue;
  if (i === 5) continue;
  if (i === 6) continue;
  out += i;
}
console.log(`${out} ${calls}`);
