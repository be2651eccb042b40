// expect: IS1018 at 2:5
let size: string | number = 512;
size = "512m";
console.log(size);
