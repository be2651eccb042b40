interface Entry {
  name: string;
  alias?: string;
  port?: number;
}
function label(e: Entry): string {
  const a = e.alias ?? "-";
  const p = e.port === undefined ? "none" : String(e.port);
  return `${e.name} alias=${a} port=${p}`;
}
const e1: Entry = { name: "web" };
const e2: Entry = { name: "db", alias: "postgres", port: 5432 };
const e3: Entry = { name: "cache", port: 0 };
console.log(label(e1));
console.log(label(e2));
console.log(label(e3));
console.log(e1.alias);
console.log(e3.port);
