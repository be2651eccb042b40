interface Pair {
  a: number;
  b: number;
}
function fibPair(n: number): Pair {
  if (n === 0) {
    return { a: 0, b: 1 };
  }
  const p = fibPair(n - 1);
  return { a: p.b, b: p.a + p.b };
}
for (const n of [0, 1, 2, 10, 30]) {
  const p = fibPair(n);
  console.log(`fib(${n}) = ${p.a}, next ${p.b}`);
}
interface Acc {
  text: string;
  depth: number;
}
function nest(n: number): Acc {
  if (n === 0) {
    return { text: "x", depth: 0 };
  }
  const inner = nest(n - 1);
  const mine = { text: `(${inner.text})`, depth: inner.depth + 1 };
  return { text: mine.text, depth: mine.depth };
}
const r = nest(4);
console.log(r.depth, r.text);
