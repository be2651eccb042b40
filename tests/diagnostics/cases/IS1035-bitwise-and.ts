// expect: IS1035 at 3:24
const mode = 493;
const ownerExec = mode & 64;
console.log(ownerExec);
