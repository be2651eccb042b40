const p = { name: "eth0", mtu: 1500, up: true };
console.log(p.name);
console.log(p.mtu);
console.log(p.up);
console.log(`${p.name} mtu=${p.mtu} up=${p.up}`);
console.log(p.mtu + 100, p.name.length, !p.up);
const q = { a: "", b: 0, c: false };
console.log(`[${q.a}] ${q.b} ${q.c}`);
