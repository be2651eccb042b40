// expect: IS1017 at 2:7
const step = {
  name: "mount",
  run(): number {
    return 0;
  },
};
console.log(step.name);
