// padStart: the fill repeated and cut short, a default of one space, and the cases that change nothing.
for (let n = 0; n < 7; n++) {
  console.log(`[${"ab".padStart(n, "xyz")}]`);
}
console.log(`[${"7".padStart(3)}]`);
console.log(`[${"7".padStart(3, "0")}]`);
console.log(`[${"long text".padStart(4, "-")}]`);
console.log(`[${"abc".padStart(6, "")}]`);
console.log(`[${"".padStart(3, "*")}]`);
console.log(`[${"x".padStart(-2, "*")}]`);
const fill = "a b";
const width = 8;
console.log(`[${"end".padStart(width, fill)}]`);
console.log(`[${"q".padStart(4, "'$\\")}]`);
console.log("12".padStart(5, "0").length);
