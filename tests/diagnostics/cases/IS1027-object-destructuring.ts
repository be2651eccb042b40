// expect: IS1027 at 7:7
interface Mount {
  source: string;
  target: string;
}
const m: Mount = { source: "/dev/sda1", target: "/" };
const { source, target } = m;
console.log(`${source} ${target}`);
