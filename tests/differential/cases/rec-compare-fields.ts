interface Ver {
  major: number;
  minor: number;
  tag: string;
}
function newer(a: Ver, b: Ver): boolean {
  if (a.major !== b.major) {
    return a.major > b.major;
  }
  return a.minor > b.minor;
}
function fmt(v: Ver): string {
  return `${v.major}.${v.minor}${v.tag === "" ? "" : "-" + v.tag}`;
}
const v1: Ver = { major: 1, minor: 10, tag: "" };
const v2: Ver = { major: 1, minor: 9, tag: "rc1" };
const v3: Ver = { major: 2, minor: 0, tag: "beta" };
console.log(`${fmt(v1)} ${fmt(v2)} ${fmt(v3)}`);
console.log(newer(v1, v2), newer(v2, v1), newer(v3, v1), newer(v1, v1));
console.log(v1.tag === v2.tag, v1.major === v2.major);
