console.log(parseInt("+4", 10));
console.log(parseInt("3.9", 10));
console.log(parseInt("\t\n 77", 10));
console.log(parseInt("0x1F", 10));
console.log(parseInt("2000000000xyz", 10));
console.log(parseInt("1e3", 10));
