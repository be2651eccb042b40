function stages(): number[] {
  const out: number[] = [];
  out.push(1);
  out.push(2);
  return out;
}
console.log(stages().join(","));
