let s = "abcde";
while (s) {
  console.log(s);
  s = s.slice(1);
}
console.log(`[${s}]`);
let queue = "a,b,c";
let guard = 0;
while (queue && guard < 10) {
  const i = queue.indexOf(",");
  console.log(`take ${i < 0 ? queue : queue.slice(0, i)}`);
  queue = i < 0 ? "" : queue.slice(i + 1);
  guard++;
}
console.log(guard);
