// expect: IS1013 at 3:1
let ok = false;
try {
  ok = true;
} catch {
  ok = false;
}
console.log(ok);
