interface Mount {
  target: string;
}
const fallback = "/";
function f(where: string, m: Mount = { target: fallback.repeat(2) }): void {
  console.log(`${where} ${m.target}`);
}
f("/");
