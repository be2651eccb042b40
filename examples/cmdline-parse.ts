// A taste of initsh's compiler core: kernel-command-line parsing as typed, fork-free logic.
// (Real inits read /proc/cmdline through the standard library; this one parses a fixed line.)

interface RootSpec {
  kind: string;
  value: string;
}

/** The value of the last `name=value` word, as the kernel's "last one wins" rule says. */
function lastValue(words: string[], name: string): string | undefined {
  let found: string | undefined;
  for (const word of words) {
    if (word.startsWith(`${name}=`)) found = word.slice(name.length + 1);
  }
  return found;
}

function parseRoot(spec: string): RootSpec {
  for (const kind of ["UUID", "LABEL", "PARTUUID", "PARTLABEL"]) {
    if (spec.startsWith(`${kind}=`)) return { kind, value: spec.slice(kind.length + 1) };
  }
  return { kind: "path", value: spec };
}

const cmdline = "console=ttyS0 root=/dev/sda1 quiet rootfssize=512m root=LABEL=live debug";
const words = cmdline.split(" ");
const root = lastValue(words, "root");
if (root === undefined) {
  console.error("no root= on the command line");
  process.exit(1);
}
const spec = parseRoot(root);
console.log(`root is a ${spec.kind}: ${spec.value}`);
console.log(`tmpfs size: ${lastValue(words, "rootfssize") ?? "90%"}`);
console.log(`debug: ${words.includes("debug")}`);
