const samples = ["", "0", "false", " ", "a", "undefined", "\n"];
for (const s of samples) {
  if (s) {
    console.log(`[${s}] truthy`);
  } else {
    console.log(`[${s}] falsy`);
  }
}
for (const s of samples) {
  console.log(!s, !!s);
}
