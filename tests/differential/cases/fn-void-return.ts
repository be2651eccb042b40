let counter = 0;
function maybeLog(s: string): void {
  if (s === "") {
    return;
  }
  counter++;
  console.log(`log ${s}`);
}
maybeLog("a");
maybeLog("");
maybeLog("b");
console.log(`counter ${counter}`);
function loopReturn(limit: number): void {
  for (let i = 0; ; i++) {
    if (i === limit) {
      console.log(`returning at ${i}`);
      return;
    }
  }
}
loopReturn(3);
loopReturn(0);
