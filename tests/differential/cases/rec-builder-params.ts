interface Opt {
  key: string;
  count: number;
  flag: boolean;
}
function opt(key: string, count: number = 1, flag: boolean = false): Opt {
  return { key: key + "", count: count * 2, flag: !flag };
}
function render(o: Opt): string {
  return `${o.key}:${o.count}:${o.flag}`;
}
console.log(render(opt("a")));
console.log(render(opt("b", 5)));
console.log(render(opt("c", -2, true)));
const list: string[] = [];
for (const k of ["x", "y"]) {
  list.push(render(opt(k, k.length)));
}
console.log(list.join(" "));
