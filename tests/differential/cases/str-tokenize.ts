let rest = "mount -t proc proc /proc";
const tokens: string[] = [];
while (rest.length > 0) {
  const sp = rest.indexOf(" ");
  if (sp < 0) {
    tokens.push(rest);
    rest = "";
  } else {
    tokens.push(rest.slice(0, sp));
    rest = rest.slice(sp + 1);
  }
}
console.log(tokens.length);
for (const t of tokens) {
  console.log(`<${t}>`);
}
console.log(tokens.join(" ") === "mount -t proc proc /proc");
