const vals = ["$HOME", "${HOME}", "$1", "$@", "$*", "$$", "$?", "$#", "$!", "$-", "$0", "${x:-y}", "$((1+1))", "$", "$IFS", "${PATH}"];
for (const v of vals) {
  console.log(v);
}
console.log(vals.join(" "));
console.log(vals.length);
const s = vals.join("");
console.log(s.length);
console.log(s.replaceAll("$", "D"));
console.log(`${vals[0]}/${vals[1]}`);
