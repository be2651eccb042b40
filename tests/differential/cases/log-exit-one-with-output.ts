let errors = 0;
for (const f of ["ok", "bad", "ok", "bad"]) {
  if (f === "bad") {
    errors++;
    console.error(`error #${errors}`);
  } else {
    console.log("fine");
  }
}
if (errors > 0) {
  console.log(`${errors} errors`);
  process.exit(1);
}
console.log("no errors");
