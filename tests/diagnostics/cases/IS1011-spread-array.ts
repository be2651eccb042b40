// expect: IS1011 at 3:14
const base = ["ro", "quiet"];
const all = [...base, "debug"];
console.log(all.join(" "));
