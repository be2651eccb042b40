// Reads TypeScript types `never` because narrowing ruled them out are read as declared: the
// code may be dead to TypeScript but is still checked by shellcheck, and a variable a function
// assigns can get there. (After a do…while that always exits, the compiler now drops the code.)
let shared: string | undefined = undefined;
function set(): void {
  shared = "set";
}
set();
if (!shared) {
  console.log("not reached");
  process.exit(1);
}
console.log(`after ${shared}`);
const v2: string | undefined = undefined;
if (!v2) {
  do {
    console.log("exits");
    process.exit(0);
  } while (false);
}
console.log(`a ${v2}`);
