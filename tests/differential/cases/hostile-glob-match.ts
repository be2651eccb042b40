const s = "abc";
console.log(s.includes("*"), s.includes("?"), s.includes("[a-c]"));
console.log(s.startsWith("*"), s.startsWith("?"), s.startsWith("[a]"));
console.log(s.endsWith("*"), s.endsWith("?"), s.endsWith("[c]"));
console.log(s.indexOf("*"), s.indexOf("?"), s.indexOf("[b]"));
const g = "a*c?[b]";
console.log(g.includes("*c"), g.includes("?["), g.indexOf("[b]"), g.indexOf("?"));
console.log(["abc"].includes("*"), ["abc"].includes("a?c"), ["*"].includes("*"));
console.log("::", s.replace("*", "X"), s.replaceAll("?", "Y"), s.replace("[a]", "Z"));
console.log("::", g.replace("*", "STAR"), g.replaceAll("[b]", "B"));
console.log(s.split("*").length, g.split("*").join("+"), g.split("?").length);
const star: string = "*";
const x: string = "x";
console.log(star === x, x === star, star !== x);
switch (x) {
  case "*":
    console.log("matched star case (wrong)");
    break;
  case "?":
    console.log("matched ? case (wrong)");
    break;
  case "[x]":
    console.log("matched [x] case (wrong)");
    break;
  default:
    console.log("default (right)");
}
