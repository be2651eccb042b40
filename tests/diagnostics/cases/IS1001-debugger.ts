// expect: IS1001 at 3:1
console.log("before");
debugger;
console.log("after");
