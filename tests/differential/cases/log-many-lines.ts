for (let i = 0; i < 1500; i++) {
  console.log(`line ${i} ${i % 7 === 0 ? "*" : "-"}`);
}
for (let i = 0; i < 300; i++) {
  console.error(`err ${i}`);
}
console.log("end");
