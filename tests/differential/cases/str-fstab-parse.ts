interface FsEntry {
  spec: string;
  file: string;
  vfstype: string;
  opts: string;
  pass: number;
  ok: boolean;
}
const fstab = "# /etc/fstab\n/dev/sda1  /      ext4  defaults,noatime  0 1\n\nproc /proc proc defaults 0 0\n  tmpfs\t/tmp tmpfs size=64m,mode=1777 0 0\n/dev/sdb1 /mnt/usb vfat ro,noauto 0 2\nbroken line\n";
function fields(line: string): string[] {
  const out: string[] = [];
  for (const raw of line.replaceAll("\t", " ").split(" ")) {
    if (raw !== "") {
      out.push(raw);
    }
  }
  return out;
}
function parse(line: string): FsEntry {
  const f = fields(line);
  if (f.length < 6) {
    return { spec: "", file: "", vfstype: "", opts: "", pass: 0, ok: false };
  }
  return { spec: f[0] ?? "", file: f[1] ?? "", vfstype: f[2] ?? "", opts: f[3] ?? "", pass: Number(f[5] ?? "0"), ok: true };
}
function hasOpt(opts: string, name: string): boolean {
  return opts.split(",").includes(name);
}
let n = 0;
for (const line of fstab.split("\n")) {
  n++;
  const t = line.trim();
  if (t === "" || t.startsWith("#")) {
    continue;
  }
  const e = parse(t);
  if (!e.ok) {
    console.error(`fstab:${n}: cannot parse [${t}]`);
    continue;
  }
  const ro = hasOpt(e.opts, "ro") ? " (read-only)" : "";
  const skip = hasOpt(e.opts, "noauto");
  console.log(`${skip ? "skip" : "mount"} -t ${e.vfstype} -o ${e.opts} ${e.spec} ${e.file}${ro} pass=${e.pass}`);
}
console.log(`${n} lines`);
