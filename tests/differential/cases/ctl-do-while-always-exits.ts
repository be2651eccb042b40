// A do…while whose body always leaves the function or the program: nothing after the loop runs,
// so the compiler drops it (shellcheck would call it unreachable). Loops that a break can leave
// keep what follows.
let n = 0;
function stop(code: number): void {
  console.log(`stopping with ${code}`);
  process.exit(code);
}
function firstOver(limit: number, values: number[]): string {
  let i = 0;
  do {
    const v = values[i] ?? 0;
    i++;
    if (v > limit) return `over at ${i}`;
    if (i >= values.length) return "none";
  } while (true);
}
function leaves(limit: number): string {
  do {
    n++;
    if (n > limit) return "over";
    if (n === 2) break;
  } while (n < 10);
  return `left at ${n}`;
}
function switches(kind: string): string {
  let out = "";
  do {
    switch (kind) {
      case "a":
        out += "a";
        break;
      default:
        out += "?";
    }
    return out;
  } while (true);
}
console.log(firstOver(3, [1, 5, 2]));
console.log(firstOver(9, [1, 5, 2]));
console.log(leaves(5));
console.log(`${switches("a")} ${switches("b")}`);
function loop(limit: number): string {
  do {
    n++;
    if (n > limit) return "over";
    stop(n);
  } while (n < 30);
  return "after";
}
console.log(loop(1));
console.log(loop(50));
console.log("not reached");
