function classify(v: string | undefined): string {
  if (v) {
    return "truthy";
  }
  if (v === undefined) {
    return "undefined";
  }
  return "empty";
}
console.log(classify("x"));
console.log(classify(""));
console.log(classify(undefined));
console.log(classify("0"));
function classifyN(v: number | undefined): string {
  return v ? "truthy" : v === undefined ? "undefined" : "zero";
}
console.log(`${classifyN(1)} ${classifyN(0)} ${classifyN(undefined)} ${classifyN(-1)}`);
