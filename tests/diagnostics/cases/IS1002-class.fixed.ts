interface Mount {
  target: string;
}
const m: Mount = { target: "/" };
console.log(m.target);
