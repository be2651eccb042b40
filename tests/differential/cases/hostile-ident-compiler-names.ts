let _t1 = "user-t1";
let _t2 = 7;
let __r = "user-r";
let __an = 100;
let __a1_n = "user-a1n";
let __a1_0 = "user-a1-0";
let __aj_s = "user-aj";
let __pl_s = "user-pl";
function __println(s: string): string {
  return `user println(${s})`;
}
function __ajoin(n: number): number {
  return n + 1;
}
function id(n: number): number {
  return n;
}
const arr = ["a", "b"];
const sum = id(1) + id(2) + _t2;
console.log(sum);
console.log(arr.join("-"));
console.log(`${_t1} ${_t2} ${__r} ${__an} ${__a1_n} ${__a1_0} ${__aj_s} ${__pl_s}`);
console.log(__println("x"));
console.log(__ajoin(41));
_t1 = arr.join("+") + id(5);
__r = String(id(9));
console.log(`${_t1} ${__r}`);
const more: string[] = [];
more.push(__a1_n);
console.log("::", more.join(","), arr.length);
