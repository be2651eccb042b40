const names: string[] = ["root", "boot"];
const sizes: number[] = [512, 64];
console.log(`${names.join(",")} ${sizes.join(",")}`);
