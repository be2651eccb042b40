// slice and substring for every start and end around the string's bounds.
for (const s of ["hello", "", "a b"]) {
  let line = "";
  let sub = "";
  for (let a = -7; a <= 7; a++) {
    line += `${s.slice(a)}|`;
    sub += `${s.substring(a)}|`;
    for (let b = -7; b <= 7; b++) {
      line += `${s.slice(a, b)},`;
      sub += `${s.substring(a, b)},`;
    }
  }
  console.log(line);
  console.log(sub);
}
