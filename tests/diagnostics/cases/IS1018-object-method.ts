// expect: IS1018 at 2:7
const step = {
  name: "mount",
  run(): number {
    return 0;
  },
};
console.log(step.name);
