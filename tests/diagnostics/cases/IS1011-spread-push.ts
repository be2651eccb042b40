// expect: IS1011 at 4:11
const words = ["a", "b"];
const more: string[] = [];
more.push(...words);
console.log(more.length);
