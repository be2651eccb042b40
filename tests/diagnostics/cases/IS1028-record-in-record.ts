// expect: IS1028 at 2:7
const step = { name: "mount", where: { target: "/root" } };
console.log(step.name);
