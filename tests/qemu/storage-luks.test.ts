/**
 * LUKS2 roots on a real kernel, with examples/variants/init.ts: `luks-key` unlocks the
 * container with a key file that only `--include` puts into the image (the manifest marks it
 * secret), `luks-lvm` asks for a passphrase on the serial console — typed here, as a person
 * would — and activates the volume group inside. A wrong passphrase is asked again; three end
 * in the rescue shell, never a panic. The disks are provisioned in the guest once and cached
 * (storage.ts).
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildImage, PackError } from "../../compiler/pack/index.ts";
import type { CompiledInit } from "./compile.ts";
import { packForBoot } from "./pack.ts";
import type { ConsoleSession } from "./qemu.ts";
import { keyFile, LUKS_PASSPHRASE, provisionTimes, storageDisks } from "./storage.ts";
import { BOOT_TEST_TIMEOUT, bootSuite, expectReachedRoot, expectRescued } from "./suite.ts";
import { qemuSkipReason } from "./tools.ts";
import { judge, tail } from "./verdict.ts";

const EXAMPLE = join(import.meta.dirname, "..", "..", "examples", "variants", "init.ts");
/** Where the luks-key variant reads its key (its configuration's keyFile). */
const KEY_IN_IMAGE = "/etc/keys/root.key";
/** Two provisioning boots, each with its own hard limit (storage.ts), and the packing. */
const SETUP_TIMEOUT = 420_000;
/** A boot typed into: QEMU's hard limit, and the test's (with room to stop QEMU). */
const CONSOLE_QEMU_SECONDS = 240;
const CONSOLE_TEST_TIMEOUT = (CONSOLE_QEMU_SECONDS + 30) * 1000;
/** Seconds to wait for the next prompt (a few when idle, TCG). */
const STEP_SECONDS = 120;

const skip = qemuSkipReason();

/** The prompt for try `n` (stdlib/crypt.ts), at the end of the log so far. */
const prompt = (n: number) => new RegExp(`Passphrase for the root filesystem \\(/dev/vda, try ${n} of 3\\):`);

describe.skipIf(skip !== undefined)("LUKS2 roots: a key file, a passphrase typed on the console (QEMU, examples/variants/init.ts)", () => {
  const suite = bootSuite("luks");
  let withKey: CompiledInit;
  let keyInitrd: string;
  let passInitrd: string;
  let luksDisk: string[];
  let luksLvmDisk: string[];

  beforeAll(async () => {
    const { host, work } = suite();
    const { compileInit } = await import("./compile.ts");
    withKey = compileInit(EXAMPLE, "luks-key");
    keyInitrd = join(work, "luks-key.cpio.gz");
    packForBoot(host, withKey, keyInitrd, { includes: [{ source: keyFile(work, "luks"), dest: KEY_IN_IMAGE }] });
    passInitrd = join(work, "luks-lvm.cpio.gz");
    packForBoot(host, compileInit(EXAMPLE, "luks-lvm"), passInitrd);
    luksDisk = await storageDisks(suite(), "luks");
    luksLvmDisk = await storageDisks(suite(), "luks-lvm");
  }, SETUP_TIMEOUT);

  afterAll(() => console.info(`tests/qemu (luks): provisioning: ${provisionTimes.join(", ")}`));

  it("luks-key: the key file is a secret of the manifest, packed only when --include gives it", () => {
    expect(withKey.manifest.files).toEqual([expect.objectContaining({ path: KEY_IN_IMAGE, secret: true })]);
    const { host } = suite();
    expect(() =>
      buildImage(withKey.script, withKey.manifest, {
        kernelVersion: host.kernel.version,
        modulesDir: join(host.kernel.modulesRoot, "lib", "modules", host.kernel.version),
        busybox: host.busybox.binary,
      }),
    ).toThrow(new PackError(`the init reads the key file ${KEY_IN_IMAGE} (${withKey.manifest.files[0]!.at.join(", ")}): give it with --include SOURCE:${KEY_IN_IMAGE} (a secret is never taken from this machine by itself)`));
  });

  it("luks-key: cryptdevice=/dev/vda is unlocked with the packed key file and root=/dev/mapper/cryptroot is mounted", async () => {
    const run = await suite().boot("luks-key", keyInitrd, luksDisk, "cryptdevice=/dev/vda root=/dev/mapper/cryptroot", { snapshot: true });
    expectReachedRoot(run);
    expect(run.log).toContain("Mounted /dev/mapper/cryptroot on /newroot");
    // Nothing asked on the console.
    expect(run.log).not.toContain("Passphrase for");
  }, BOOT_TEST_TIMEOUT);

  /** Boots luks-lvm with its console on pipes; `steps` types into it; the session is stopped after. */
  async function typed(name: string, append: string, steps: (qemu: ConsoleSession) => Promise<void>): Promise<string> {
    const qemu = suite().console(name, passInitrd, luksLvmDisk, `cryptdevice=/dev/vda ${append}`, { snapshot: true, timeoutSeconds: CONSOLE_QEMU_SECONDS });
    try {
      await steps(qemu);
      await qemu.waitForExit(STEP_SECONDS);
    } finally {
      await qemu.stop();
    }
    return qemu.log();
  }

  it("luks-lvm: a wrong passphrase is asked again; the right one typed on the console unlocks it, vg0 is activated, and neither is echoed", async () => {
    const wrong = "not the passphrase";
    const log = await typed("luks-lvm-passphrase", "root=/dev/mapper/vg0-root", async (qemu) => {
      const first = await qemu.waitFor(prompt(1), 0, STEP_SECONDS);
      qemu.type(`${wrong}\r`);
      const second = await qemu.waitFor(prompt(2), first.index + first[0].length, STEP_SECONDS);
      qemu.type(`${LUKS_PASSPHRASE}\r`);
      await qemu.waitFor(/INITSH-ROOT-REACHED/, second.index, STEP_SECONDS);
    });
    const run = { ...judge(log), log, timedOut: false };
    const why = `serial log (end):\n${tail(log)}`;
    expect(run.panic, why).toBe(false);
    expect(run.rootPid, why).toBe(1);
    expect(run.poweredOff, why).toBe(true);
    expect(log, why).toContain("wrong passphrase for /dev/vda");
    expect(log, why).toContain("Mounted /dev/mapper/vg0-root on /newroot");
    // stty -echo: what is typed never shows on the console.
    expect(log, why).not.toContain(wrong);
    expect(log, why).not.toContain(LUKS_PASSPHRASE);
  }, CONSOLE_TEST_TIMEOUT);

  it("luks-lvm: three wrong passphrases end in the rescue shell (rd.emergency=poweroff powers off), no panic", async () => {
    const log = await typed("luks-lvm-wrong", "root=/dev/mapper/vg0-root rd.emergency=poweroff", async (qemu) => {
      let from = 0;
      for (const n of [1, 2, 3]) {
        const asked = await qemu.waitFor(prompt(n), from, STEP_SECONDS);
        from = asked.index + asked[0].length;
        qemu.type(`wrong ${n}\r`);
      }
    });
    const run = { ...judge(log), log, timedOut: false, seconds: 0, status: 0 };
    expectRescued(run, "cannot unlock /dev/vda");
    expect(log).not.toMatch(/try 4 of 3/);
  }, CONSOLE_TEST_TIMEOUT);
});
