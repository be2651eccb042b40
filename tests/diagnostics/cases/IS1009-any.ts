// expect: IS1009 at 2:5
let anything: any = "x";
console.log("done");
