console.log(1, "%s");
console.log(2, "%d", "%%");
console.log(3, "a %s b", 4);
console.log(true, "%o");
console.log(-1, "100%");
console.error(5, "%s err");
