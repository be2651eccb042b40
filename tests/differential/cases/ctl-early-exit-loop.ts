const items = ["a", "b", "stop", "c"];
for (const it of items) {
  console.log(`item ${it}`);
  if (it === "stop") {
    console.error("stopping early");
    process.exit(3);
  }
}
console.log("never reached");
