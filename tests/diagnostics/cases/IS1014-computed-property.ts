// expect: IS1014 at 5:20
interface Entry {
  name: string;
}
const e: Entry = { ["name"]: "root" };
console.log(e.name);
