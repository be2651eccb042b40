const base = ["ro", "quiet"];
const all: string[] = [];
for (const b of base) all.push(b);
all.push("debug");
console.log(all.join(" "));
