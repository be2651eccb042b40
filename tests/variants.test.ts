/**
 * One source, many inits (examples/variants/init.ts): each variant's script holds no code of
 * the features its configuration turns off, its manifest matches the format and names what
 * that script runs, `initsh params` lists what that variant reads, and the CLI builds one
 * variant or all of them, writing nothing when it cannot.
 * (tests/boot/variants.test.ts boots each on the simulated machine, tests/qemu/ on a real kernel.)
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { compileFile, compileVariants, kernelParameters, type Manifest } from "../compiler/index.ts";
import { BUSYBOX_APPLETS, BUSYBOX_VERSION } from "../compiler/manifest/busybox-applets.ts";
import { shellcheck } from "./boot/helpers.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const source = join(root, "examples", "variants", "init.ts");
const bin = join(root, "bin", "initsh.js");
const scratch = mkdtempSync(join(tmpdir(), "initsh-variants-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const all = compileVariants(source);
if (!all.ok) throw new Error(`examples/variants/init.ts does not compile: ${JSON.stringify(all.diagnostics)}`);
const byName = new Map(all.variants.map((v) => [v.name, v]));
const variant = (name: string) => byName.get(name)!;

/** The functions a script defines, and those some command of it calls. */
function functions(script: string): { defined: string[]; called: Set<string> } {
  const defined = [...script.matchAll(/^([A-Za-z_][A-Za-z0-9_]*)\(\) \{$/gm)].map((m) => m[1]!);
  const called = new Set<string>();
  for (const name of defined) {
    const uses = script.split("\n").filter((line) => new RegExp(`(^|[\\s;{(!|&]|\\$\\()${name}(\\s|;|$|\\))`).test(line) && !line.startsWith(`${name}() {`));
    if (uses.length > 0) called.add(name);
  }
  return { defined, called };
}

describe("examples/variants/init.ts: one script per variant", () => {
  const NAMES = ["plain", "luks-lvm", "luks-key", "lvm", "raid1", "live"];

  it("has the six variants, in the source's order", () => {
    expect(all.variants.map((v) => v.name)).toEqual(NAMES);
  });

  it.each(NAMES)("%s: shellcheck finds nothing", async (name) => {
    const path = join(scratch, `${name}.sh`);
    writeFileSync(path, variant(name).script);
    expect(await shellcheck(path)).toBe("");
  });

  it.each(NAMES)("%s: every function and helper it defines, it calls", (name) => {
    const { defined, called } = functions(variant(name).script);
    // printf is the stand-in for shells without a printf builtin: called by the shell itself.
    expect(defined.filter((f) => !called.has(f) && f !== "printf")).toEqual([]);
  });

  it("plain: no LUKS, LVM, RAID or live-system code", () => {
    const script = variant("plain").script;
    for (const absent of ["cryptsetup", "lvm", "vgchange", "mdadm", "/run/live", "squashfs", "bootLive", "stty", "cryptdevice"]) expect(script).not.toContain(absent);
  });

  it("luks-lvm: the unlocking and activation, no key file, RAID or live system", () => {
    const script = variant("luks-lvm").script;
    for (const present of ["cryptsetup", "lvm", "cryptdevice", "Passphrase for the root filesystem"]) expect(script).toContain(present);
    for (const absent of ["/etc/keys", "mdadm", "/run/live", "squashfs", "bootLive", "livemedia"]) expect(script).not.toContain(absent);
  });

  it("luks-key: the key file, and no passphrase asked, LVM, RAID or live system", () => {
    const script = variant("luks-key").script;
    for (const present of ["cryptsetup", "cryptdevice", "/etc/keys/root.key"]) expect(script).toContain(present);
    for (const absent of ["Passphrase for the root filesystem", "lvm", "mdadm", "/run/live", "livemedia"]) expect(script).not.toContain(absent);
  });

  it("lvm and raid1: the activation or the assembly alone", () => {
    const lvm = variant("lvm").script;
    expect(lvm).toContain("vgchange");
    for (const absent of ["cryptsetup", "cryptdevice", "mdadm", "/run/live"]) expect(lvm).not.toContain(absent);
    const raid = variant("raid1").script;
    expect(raid).toContain("mdadm");
    for (const absent of ["cryptsetup", "cryptdevice", "vgchange", "/run/live"]) expect(raid).not.toContain(absent);
  });

  it("live: the live system only: no disk root, no LUKS or LVM", () => {
    const script = variant("live").script;
    for (const present of ["/run/live", "squashfs", "bootLive", "livemedia"]) expect(script).toContain(present);
    for (const absent of ["cryptsetup", "lvm", "cryptdevice", "cmdline_flag rw"]) expect(script).not.toContain(absent);
    expect(functions(script).defined).not.toContain("rootDevice");
  });

  it("a variant built alone is the same script as built with all the others", () => {
    for (const name of byName.keys()) {
      const one = compileFile(source, { variant: name });
      expect(one.ok && one.script).toBe(variant(name).script);
    }
  });
});

describe("manifests", () => {
  const commands = (m: Manifest) => m.commands.map((c) => c.name);

  it("name what each variant runs, with busybox's applets marked and the other programs' packages", () => {
    const common = ["findfs", "mkdir", "modprobe", "mount", "od", "poweroff", "readlink", "reboot", "setsid", "sh", "sleep", "switch_root"];
    expect(commands(variant("plain").manifest)).toEqual(common);
    expect(commands(variant("luks-lvm").manifest)).toEqual([...common, "cryptsetup", "lvm", "stty"].sort());
    // cryptsetup.open decides between its key file and its prompt at boot: stty stays in.
    expect(commands(variant("luks-key").manifest)).toEqual([...common, "cryptsetup", "stty"].sort());
    expect(commands(variant("lvm").manifest)).toEqual([...common, "lvm"].sort());
    expect(commands(variant("raid1").manifest)).toEqual([...common, "mdadm"].sort());
    expect(variant("raid1").manifest.commands.find((c) => c.name === "mdadm")).toMatchObject({ busybox: false, package: "mdadm" });
    expect(commands(variant("live").manifest)).toEqual([...common, "cp"].sort());
    const cryptsetup = variant("luks-lvm").manifest.commands.find((c) => c.name === "cryptsetup")!;
    expect(cryptsetup).toMatchObject({ busybox: false, package: "cryptsetup-bin" });
    expect(variant("luks-lvm").manifest.commands.find((c) => c.name === "lvm")).toMatchObject({ busybox: false, package: "lvm2" });
    expect(variant("plain").manifest.commands.every((c) => c.busybox)).toBe(true);
  });

  it("list the kernel modules each variant loads, from its configuration: none known only at boot", () => {
    const modprobeLine = `init.ts:${readFileSync(source, "utf8").split("\n").findIndex((l) => l.includes("modprobe(...config.modules)")) + 1}`;
    expect(variant("plain").manifest.modules).toEqual({ names: ["virtio_blk", "virtio_pci"], at: { virtio_blk: [modprobeLine], virtio_pci: [modprobeLine] }, dynamic: false, dynamicAt: [] });
    expect(variant("luks-lvm").manifest.modules.names).toEqual(["aes_generic", "af_alg", "algif_skcipher", "dm_crypt", "dm_mod", "ecb", "virtio_blk", "virtio_pci", "xts"]);
    expect(variant("luks-key").manifest.modules.names).toEqual(variant("luks-lvm").manifest.modules.names);
    expect(variant("lvm").manifest.modules.names).toEqual(["dm_mod", "virtio_blk", "virtio_pci"]);
    expect(variant("raid1").manifest.modules.names).toEqual(["md_mod", "raid1", "virtio_blk", "virtio_pci"]);
    expect(variant("live").manifest.modules.names).toEqual(["loop", "overlay", "squashfs", "virtio_blk", "virtio_pci"]);
  });

  it("say where each program is needed, by the user's lines", () => {
    const lines = readFileSync(source, "utf8").split("\n");
    const lineOf = (needle: string) => `init.ts:${lines.findIndex((l) => l.includes(needle)) + 1}`;
    const cryptsetup = variant("luks-lvm").manifest.commands.find((c) => c.name === "cryptsetup")!;
    expect(cryptsetup.at).toEqual([lineOf('cryptsetup.open(container, "cryptroot", { prompt')]);
    const withKey = variant("luks-key").manifest.commands.find((c) => c.name === "cryptsetup")!;
    expect(withKey.at).toEqual([lineOf('cryptsetup.open(container, "cryptroot", { keyFile')]);
    const cp = variant("live").manifest.commands.find((c) => c.name === "cp")!;
    expect(cp.at).toEqual([lineOf('run("cp"')]);
    const mdadm = variant("raid1").manifest.commands.find((c) => c.name === "mdadm")!;
    expect(mdadm.at).toEqual([lineOf("mdraid.assemble()")]);
  });

  it("luks-key: its key file is a secret file of the initramfs, named by the variant's configuration; no other variant reads one", () => {
    const lines = readFileSync(source, "utf8").split("\n");
    const at = `init.ts:${lines.findIndex((l) => l.includes("{ keyFile: config.keyFile }")) + 1}`;
    expect(variant("luks-key").manifest.files).toEqual([{ path: "/etc/keys/root.key", at: [at], secret: true }]);
    for (const name of ["plain", "luks-lvm", "lvm", "raid1", "live"]) expect(variant(name).manifest.files).toEqual([]);
  });

  it("basic-init: modules named on the command line are known only at boot", () => {
    const basic = compileFile(join(root, "examples", "basic-init.ts"));
    expect(basic.ok && basic.manifest.modules).toMatchObject({ names: [], dynamic: true });
    expect(basic.ok && basic.manifest.modules.dynamicAt.length).toBe(1);
  });

  it("a key file given to cryptsetup.open is a file of the initramfs; /proc and /sys are not", () => {
    const dir = mkdtempSync(join(scratch, "keyfile-"));
    const init = join(dir, "init.ts");
    writeFileSync(
      init,
      `import { cryptsetup, readFile, rescueShell, switchRoot } from "initsh";
export default function init(): never {
  const config = readFile("/etc/initsh.conf") ?? "";
  const cmdline = readFile("/proc/cmdline") ?? "";
  cryptsetup.open("/dev/vda2", "root", { keyFile: "/etc/keys/root.key" }) ?? rescueShell(\`cannot unlock \${config}\${cmdline}\`);
  switchRoot("/newroot");
}
`,
    );
    const r = compileFile(init);
    expect(r.ok && r.manifest.files).toEqual([
      { path: "/etc/initsh.conf", at: ["init.ts:3"] },
      // A key file is a secret: a packer takes it only when told to.
      { path: "/etc/keys/root.key", at: ["init.ts:5"], secret: true },
    ]);
  });

  it("match manifest.schema.json", () => {
    const schema = JSON.parse(readFileSync(join(root, "compiler", "manifest", "manifest.schema.json"), "utf8"));
    const basic = compileFile(join(root, "examples", "basic-init.ts"));
    for (const m of [...all.variants.map((v) => v.manifest), ...(basic.ok ? [basic.manifest] : [])]) {
      expect(validate(schema, m, "manifest")).toEqual([]);
    }
    // And the validator does reject what the schema forbids.
    expect(validate(schema, { ...variant("plain").manifest, extra: 1 }, "manifest")).not.toEqual([]);
    expect(validate(schema, { ...variant("plain").manifest, manifestVersion: 2 }, "manifest")).not.toEqual([]);
  });

  it("busybox's applets are those of the host's busybox-static, when it is the same build", () => {
    const host = spawnSync("busybox", ["--list"], { encoding: "utf8" });
    const version = spawnSync("busybox", [], { encoding: "utf8" }).stdout;
    if (host.status !== 0 || !version.includes(BUSYBOX_VERSION)) return; // another busybox: nothing to compare
    expect([...BUSYBOX_APPLETS].sort()).toEqual(host.stdout.trim().split("\n").sort());
  });
});

describe("initsh params", () => {
  const read = (name: string) => kernelParameters(variant(name).params).map((p) => `${p.name ?? "?"} ${p.kind}`);

  it("lists exactly what each variant reads, the boot library's own parameters included", () => {
    const library = ["debug flag", "rd.debug flag", "rd.emergency string"];
    expect(read("plain")).toEqual([...library, "init string", "root string", "rootdelay int", "rw flag"].sort());
    expect(read("luks-lvm")).toEqual([...library, "cryptdevice string", "init string", "root string", "rootdelay int", "rw flag"].sort());
    expect(read("luks-key")).toEqual(read("luks-lvm"));
    expect(read("lvm")).toEqual(read("plain"));
    expect(read("raid1")).toEqual(read("plain"));
    expect(read("live")).toEqual([...library, "init string", "liveimage string", "livemedia string", "rootdelay int", "toram flag", "toram presence"].sort());
  });

  it("documents each from the TSDoc where it is read, with its default", () => {
    const plain = kernelParameters(variant("plain").params);
    expect(plain.find((p) => p.name === "rootdelay")).toMatchObject({ fallback: "10", doc: "How many seconds to wait for a device to appear." });
    expect(plain.find((p) => p.name === "init")).toMatchObject({ fallback: '"/sbin/init"', doc: "The program to start as PID 1 on the root filesystem." });
  });

  it("the README shows basic-init's parameters exactly as initsh params prints them", () => {
    const printed = spawnSync(process.execPath, [bin, "params", join(root, "examples", "basic-init.ts"), "--format", "markdown"], { encoding: "utf8" }).stdout;
    expect(printed.split("\n").length).toBeGreaterThan(5);
    expect(readFileSync(join(root, "README.md"), "utf8")).toContain(printed);
  });

  it("prints text, Markdown and JSON", () => {
    const run = (format: string) => spawnSync(process.execPath, [bin, "params", source, "--variant", "live", "--format", format], { encoding: "utf8" });
    expect(run("text").stdout).toContain('livemedia — string, default "LABEL=LIVE" (init.ts:');
    expect(run("markdown").stdout).toContain('| `livemedia` | string | `"LABEL=LIVE"` | The live medium (`livemedia=LABEL=LIVE`). |');
    expect(JSON.parse(run("json").stdout).map((p: { name: string }) => p.name)).toContain("livemedia");
    expect(run("yaml").status).toBe(2);
  });
});

describe("the CLI", () => {
  // From the project's root, as the scripts compiled above name their source relative to it.
  const cli = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", cwd: root });

  it("--all-variants writes each variant's script and manifest, and nothing else", () => {
    const out = join(scratch, "all");
    const r = cli("build", source, "--all-variants", "-o", out);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["live", "luks-key", "luks-lvm", "lvm", "plain", "raid1"].flatMap((v) => [`init-${v}.json`, `init-${v}.sh`]));
    expect(readFileSync(join(out, "init-live.sh"), "utf8")).toBe(variant("live").script);
    expect(JSON.parse(readFileSync(join(out, "init-plain.json"), "utf8"))).toEqual(variant("plain").manifest);
  });

  it("--variant builds one; a source with variants needs one", () => {
    const out = join(scratch, "one.sh");
    expect(cli("build", source, "--variant", "luks-lvm", "-o", out).status).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(variant("luks-lvm").script);
    const none = cli("build", source);
    expect(none.status).toBe(1);
    expect(none.stderr).toContain("has variants (plain, luks-lvm, luks-key, lvm, raid1, live): build one with --variant NAME, or all of them with --all-variants");
  });

  it("an unknown variant is named, with the known ones; --variant on a source without variants says so", () => {
    const unknown = cli("build", source, "--variant", "laptop");
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain("has no variant 'laptop': its variants are plain, luks-lvm, luks-key, lvm, raid1, live");
    const basic = cli("build", join(root, "examples", "basic-init.ts"), "--variant", "laptop");
    expect(basic.status).toBe(1);
    expect(basic.stderr).toContain("declares no variants");
  });

  it("writes nothing on an error, and says why a file cannot be written", () => {
    const out = join(scratch, "nothing.sh");
    expect(cli("build", source, "--variant", "nope", "-o", out).status).toBe(1);
    expect(readdirSync(scratch)).not.toContain("nothing.sh");
    writeFileSync(join(scratch, "a-file"), "");
    const missing = cli("build", join(root, "examples", "basic-init.ts"), "-o", join(scratch, "a-file", "x.sh"));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^initsh: cannot write .*x\.sh: cannot create the folder .*\/a-file: it exists and is not a folder\n$/);
    expect(readdirSync(scratch).filter((f) => f.includes(".tmp"))).toEqual([]);
  });

  it("an unknown option is named", () => {
    const r = cli("build", source, "--varient", "plain");
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("initsh build: unknown option '--varient' — see initsh --help\n");
  });
});

/**
 * The part of JSON Schema manifest.schema.json uses: type, const, required, properties,
 * additionalProperties (false, or a schema), items, pattern. Returns the problems found (empty: valid).
 */
function validate(schema: Record<string, unknown>, value: unknown, path: string): string[] {
  const out: string[] = [];
  const type = schema.type as string | undefined;
  const kind = Array.isArray(value) ? "array" : value === null ? "null" : typeof value;
  if (type !== undefined && type !== kind) return [`${path}: ${kind}, not ${type}`];
  if ("const" in schema && schema.const !== value) out.push(`${path}: not ${JSON.stringify(schema.const)}`);
  if (typeof schema.pattern === "string" && typeof value === "string" && !new RegExp(schema.pattern).test(value)) out.push(`${path}: does not match ${schema.pattern}`);
  if (kind === "object") {
    const object = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
    for (const r of (schema.required ?? []) as string[]) if (!(r in object)) out.push(`${path}: lacks ${r}`);
    for (const [k, v] of Object.entries(object)) {
      if (properties[k]) out.push(...validate(properties[k], v, `${path}.${k}`));
      else if (schema.additionalProperties === false) out.push(`${path}: has ${k}`);
      else if (typeof schema.additionalProperties === "object") out.push(...validate(schema.additionalProperties as Record<string, unknown>, v, `${path}.${k}`));
    }
  }
  if (kind === "array" && schema.items) (value as unknown[]).forEach((v, i) => out.push(...validate(schema.items as Record<string, unknown>, v, `${path}[${i}]`)));
  return out;
}
