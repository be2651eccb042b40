// expect: IS1014 at 6:15
interface Entry {
  name: string;
}
const e: Entry = { name: "root" };
console.log(e["name"]);
