function isVowel(c: string): boolean {
  return "aeiou".includes(c) && c.length === 1;
}
function countVowels(s: string): number {
  let n = 0;
  for (const c of s.split("")) {
    if (isVowel(c)) {
      n++;
    }
  }
  return n;
}
const word = "initialization";
let i = 0;
while (countVowels(word.slice(0, i)) < 4) {
  i++;
}
console.log(i, word.slice(0, i));
console.log(countVowels(word), countVowels(""), countVowels("xyz"));
console.log(isVowel("ae"), isVowel(""), isVowel("o"));
