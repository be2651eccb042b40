interface Mount {
  source: string;
  target: string;
}
const m: Mount = { source: "/dev/sda1", target: "/" };
const source = m.source;
const target = m.target;
console.log(`${source} ${target}`);
