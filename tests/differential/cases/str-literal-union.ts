type Mode = "start" | "stop" | "status";
function act(m: Mode): string {
  switch (m) {
    case "start":
      return "starting";
    case "stop":
      return "stopping";
    case "status":
      return "checking";
  }
}
const modes: Mode[] = ["start", "status", "stop"];
for (const m of modes) {
  console.log(`${m} -> ${act(m)}`);
}
let cur: Mode = "stop";
console.log(cur === "stop");
cur = "start";
console.log(cur.length, act(cur));
type Level = 1 | 2 | 3;
const lv: Level = 2;
console.log(lv + 1);
