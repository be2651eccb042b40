// expect: IS1028 at 2:7
const step = { name: "mount", args: ["-t", "proc"] };
console.log(step.name);
