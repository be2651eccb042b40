// A boolean stored and then tested right away, and read nowhere else, is tested where it is made
// (passes/direct.ts): the same test, run once, at the same point, in either polarity.
let calls = 0;
function check(tag: string, result: boolean): boolean {
  calls++;
  console.log(`check ${tag} (${calls})`);
  return result;
}

for (const word of ["quiet", "", "debug", "-n", "a b"]) {
  const plain = word !== "debug";
  if (!plain) {
    console.log(`special: ${word}`);
    continue;
  }
  const empty = word === "";
  if (empty) console.log("empty word");
  else console.log(`word [${word}]`);
}

// Tests that run commands (function calls with output): once each, in order.
const first = check("first", true);
if (first) console.log("first held");
const second = check("second", false);
if (!second) console.log("second failed");
else console.log("never");
const third = check("third", true) && check("third-b", false);
if (third) console.log("never");
else if (calls > 3) console.log(`third failed after ${calls} calls`);

// Read twice: still stored.
const twice = check("twice", true);
if (twice) console.log(`twice is ${twice}`);

// In a record field, as services.ts does.
interface Service {
  name: string;
  enabled: boolean;
}
const names = ["udevd", "sshd", "getty"];
let started = 0;
for (let i = 0; i < names.length; i++) {
  const s: Service = { name: names[i] ?? "", enabled: names[i] !== "sshd" };
  if (!s.enabled) {
    console.log(`skip ${s.name}`);
    continue;
  }
  started++;
  console.log(`start ${s.name}`);
}
console.log(`${started} started, ${calls} checks`);

// A let assigned again later is a different matter: each test reads the value it has then.
let flag = check("flag", false);
if (!flag) console.log("flag off");
flag = true;
console.log(`flag now ${flag}`);
