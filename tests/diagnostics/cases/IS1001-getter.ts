// expect: IS1001 at 3:3
const step = {
  get name(): string {
    return "mount";
  },
};
console.log(step.name);
