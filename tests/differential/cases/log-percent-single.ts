console.log("%s");
console.log("%d%%");
console.log("100%");
console.log("%");
console.log("%c%o%O%j%i%f");
const p = "%s and %d";
console.log(p);
console.error("%s");
