const a: string = "abc";
const b: string = "ab" + "c";
const c: string = "abc ";
console.log(a === b);
console.log(a === c);
console.log(a !== c);
console.log("" === "");
const sp: string = " ";
const e: string = "";
console.log(sp === e);
const ten: string = "10";
console.log(ten === "010");
console.log(ten === String(10));
console.log(a.trim() === c.trim());
if (a === "abc") {
  console.log("equal branch");
} else {
  console.log("unequal branch");
}
