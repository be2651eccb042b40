const cmdline = "root=/dev/sda1 quiet init=/sbin/init console=ttyS0,115200 ro";
const opts = cmdline.split(" ");
console.log(`${opts.length} options`);
for (const o of opts) {
  const eq = o.indexOf("=");
  if (eq < 0) {
    console.log(`flag ${o}`);
  } else {
    const key = o.slice(0, eq);
    const value = o.slice(eq + 1);
    console.log(`key ${key} -> ${value}`);
  }
}
const consoleArg = "ttyS0,115200";
const cparts = consoleArg.split(",");
console.log(`tty=${cparts[0] ?? "?"} baud=${cparts[1] ?? "?"}`);
