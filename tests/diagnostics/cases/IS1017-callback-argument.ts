// expect: IS1017 at 5:16
function isLong(word: string): boolean {
  return word.length > 3;
}
function check(pred: (w: string) => boolean, word: string): boolean {
  return pred(word);
}
console.log(check(isLong, "abcd"));
