let evaluated = 0;
function fallback(s: string): string {
  evaluated++;
  console.log(`fallback ${s}`);
  return s;
}
const set: string | undefined = "present";
const empty: string | undefined = "";
const none: string | undefined = undefined;
console.log(set ?? fallback("1"));
console.log(`[${empty ?? fallback("2")}]`);
console.log(none ?? fallback("3"));
console.log(`[${empty || fallback("4")}]`);
console.log(set && fallback("5"));
console.log(`evaluated ${evaluated}`);
