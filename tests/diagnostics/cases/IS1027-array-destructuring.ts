// expect: IS1027 at 3:7
const parts = "root=/dev/sda1".split("=");
const [key, value] = parts;
console.log(`${key ?? ""} ${value ?? ""}`);
