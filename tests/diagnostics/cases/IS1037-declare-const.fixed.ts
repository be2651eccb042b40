const rootDev = "/dev/sda1";
console.log(rootDev);
