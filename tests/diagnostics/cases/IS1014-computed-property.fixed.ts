interface Entry {
  name: string;
}
const e: Entry = { name: "root" };
console.log(e.name);
