console.log(Number("+5"));
console.log(Number("\t12\n"));
console.log(Number(" \n "));
console.log(Number("08"));
console.log(Number("09"));
console.log(Number("010"));
console.log(Number("-010"));
console.log(Number("0000"));
