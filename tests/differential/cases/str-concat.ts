let s = "a";
s = s + "b";
s += "c";
s += 1;
console.log(s);
console.log("a" + 1 + 2);
console.log(1 + 2 + "a");
console.log(`${1 + 2}${"x"}${true}`);
let acc = "";
for (let i = 0; i < 5; i++) {
  acc += i;
  acc = acc + ",";
}
console.log(acc);
const n = -3;
console.log("n=" + n);
console.log("" + 0);
console.log("b" + false);
const t = "x" + "y" + "z";
console.log(`${t} ${t.length}`);
