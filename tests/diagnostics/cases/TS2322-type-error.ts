// expect: TS2322 at 2:7
const port: number = "8080";
console.log(port);
