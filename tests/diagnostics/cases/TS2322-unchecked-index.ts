// expect: TS2322 at 3:7
const xs = ["a"];
const first: string = xs[0];
console.log(first);
