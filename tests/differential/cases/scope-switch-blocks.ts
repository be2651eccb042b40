function f(n: number): string {
  const v = "outer";
  switch (n) {
    case 1: {
      const v = "one";
      return v;
    }
    case 2: {
      const v = "two";
      let w = v + v;
      w += "!";
      return w;
    }
    default: {
      const w = v;
      return w;
    }
  }
}
console.log(f(1));
console.log(f(2));
console.log(f(3));
for (let i = 0; i < 3; i++) {
  switch (i) {
    case 0: {
      const msg = "zero";
      console.log(msg);
      break;
    }
    default: {
      const msg = `other ${i}`;
      console.log(msg);
    }
  }
}
