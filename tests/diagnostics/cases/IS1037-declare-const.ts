// expect: IS1037 at 2:1
declare const rootDev: string;
console.log(rootDev);
