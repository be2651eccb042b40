interface Parsed {
  key: string;
  value: string;
  ok: boolean;
}
function parse(s: string): Parsed {
  const i = s.indexOf("=");
  if (i < 0) {
    return { key: s, value: "", ok: false };
  }
  return { key: s.slice(0, i), value: s.slice(i + 1), ok: true };
}
for (const item of ["root=/dev/sda1", "quiet", "a=b=c", "=empty", ""]) {
  const p = parse(item);
  console.log(`${p.ok} [${p.key}] [${p.value}]`);
}
console.log(parse("x=1").value.length);
