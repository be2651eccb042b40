// An optional string compared with literal text: undefined equals neither "" nor "x",
// and "" must not be taken for undefined.
const values: string[] = ["", "x", "-n", "*", "undefined"];
for (let i = -1; i <= values.length; i++) {
  const v = values[i];
  console.log(`${i} ${v === "x"} ${v !== "x"} ${"x" === v} ${v === ""} ${"" !== v} ${v === "undefined"} ${v === "*"} ${v === "-n"}`);
}
function pick(flag: boolean): string | undefined {
  return flag ? "" : undefined;
}
console.log(pick(true) === "", pick(false) === "", pick(true) !== "x", pick(false) !== "x");
let maybe: string | undefined;
if (maybe === "a") console.log("wrong");
maybe = "a";
if (maybe === "a") console.log("a now");
if ("b" !== maybe) console.log("not b");
