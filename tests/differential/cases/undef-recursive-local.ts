function f(n: number): string {
  const v = ["x"][n];
  if (n === 0) {
    return `${v} ${f(1)}`;
  }
  return v === undefined ? "undefined" : `leaked ${v}`;
}
console.log(f(0));
function g(depth: number, name?: string): string {
  if (depth === 0) {
    return `inner name=${name}`;
  }
  return `outer name=${name} / ${g(depth - 1)}`;
}
console.log(g(1, "outer-value"));
console.log(g(2, "a"));
function h(n: number): string {
  let u: string | undefined = "set";
  if (n > 0) {
    const inner = h(n - 1);
    return `${n}:${u} ${inner}`;
  }
  u = undefined;
  return `${n}:${u}`;
}
console.log(h(2));
