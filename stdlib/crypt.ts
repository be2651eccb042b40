import { callSite, readLine, run, runWithInput, type DevicePath } from "../dsl/index.ts";
import { log } from "./log.ts";

/** How to unlock a LUKS device: a key file, or a passphrase typed on the console. */
export type CryptKey =
  | { keyFile: string }
  | {
      /** What to ask, e.g. "Passphrase for the root disk". */
      prompt: string;
      /** How many wrong passphrases before giving up (default 3). */
      tries?: number;
    };

/** LUKS and dm-crypt devices, through the `cryptsetup` program. */
export namespace cryptsetup {
  /**
   * Unlocks an encrypted block device as `/dev/mapper/<name>`. With `{ prompt, tries }` it
   * asks on the console (input not echoed) and counts wrong passphrases; the passphrase goes
   * to cryptsetup on its standard input, never on a command line.
   *
   * @param device - the encrypted device's /dev path (see waitForDevice).
   * @returns the unlocked device's path, or `undefined`.
   * @fallible
   * @initramfsFile key.keyFile secret
   * @example
   * const root = cryptsetup.open(dev, "root", { prompt: "Passphrase for root", tries: 3 }) ?? rescueShell("cannot unlock root");
   */
  export function open(device: DevicePath, name: string, key: CryptKey): DevicePath | undefined {
    const mapped: DevicePath = `/dev/mapper/${name}`;
    const k = key as { keyFile?: string; prompt?: string; tries?: number };
    if (k.keyFile !== undefined) {
      if (run("cryptsetup", "open", "--key-file", k.keyFile, device, name)) return mapped;
      log.fail(`${callSite()}: cannot unlock ${device} with ${k.keyFile}`);
      return undefined;
    }
    const tries = k.tries ?? 3;
    for (let attempt = 1; attempt <= tries; attempt++) {
      // Echo goes off before the prompt shows: what is typed once it shows is never echoed.
      void run("stty", "-echo");
      console.log(`${k.prompt ?? "Passphrase"} (${device}, try ${attempt} of ${tries}):`);
      const passphrase = readLine();
      void run("stty", "echo");
      if (passphrase === undefined) break;
      if (runWithInput(passphrase, "cryptsetup", "open", device, name)) return mapped;
      log.warn(`wrong passphrase for ${device}`);
    }
    log.fail(`${callSite()}: cannot unlock ${device}`);
    return undefined;
  }

  /**
   * Locks an unlocked device again (`cryptsetup close`).
   * @fallible
   */
  export function close(name: string): boolean {
    return run("cryptsetup", "close", name);
  }
}
