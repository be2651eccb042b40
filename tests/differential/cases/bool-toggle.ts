let on = false;
let line = "";
for (let i = 0; i < 7; i++) {
  on = !on;
  line += on ? "1" : "0";
}
console.log(line);
console.log(on);
let seen = false;
const items = ["a", "b", "c", "b"];
for (const it of items) {
  if (it === "b") {
    if (seen) {
      console.log("duplicate b");
    }
    seen = true;
  }
}
console.log(seen);
