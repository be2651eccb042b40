// expect: IS1017 at 2:16
function check(pred: (w: string) => boolean, word: string): boolean {
  return pred(word);
}
console.log("check");
