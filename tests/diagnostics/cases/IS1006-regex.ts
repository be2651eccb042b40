// expect: IS1006 at 3:17
const arg = "root=/dev/sda1";
const pattern = /^root=/;
console.log(arg);
