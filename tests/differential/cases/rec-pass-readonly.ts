interface Point {
  x: number;
  y: number;
}
function add(a: Point, b: Point): Point {
  return { x: a.x + b.x, y: a.y + b.y };
}
function show(p: Point): string {
  return `(${p.x}, ${p.y})`;
}
function dist1(a: Point, b: Point): number {
  const dx = a.x - b.x;
  const dy = a.y - b.y;
  return (dx < 0 ? -dx : dx) + (dy < 0 ? -dy : dy);
}
const o: Point = { x: 0, y: 0 };
const p: Point = { x: 3, y: -4 };
const q = add(p, { x: 10, y: 10 });
console.log(`${show(o)} ${show(p)} ${show(q)}`);
console.log(dist1(o, p), dist1(p, q));
console.log(show(add(add(p, p), p)));
console.log(p.x, p.y);
