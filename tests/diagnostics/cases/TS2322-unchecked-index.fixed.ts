const xs = ["a"];
const first: string = xs[0] ?? "";
console.log(first);
