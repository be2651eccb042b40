/**
 * Copying the initramfs into a tmpfs (`cp -a /dev /mnt`, `for i in $(ls -a /)`), as live systems
 * and the seed init do: device nodes are copied (root may make them in an initramfs; the
 * simulator's user namespace may not, so they are modelled as mknod's are), other errors stay
 * cp's own, and the simulator's kit (/.sim) is not part of the listed root.
 */
import { describe, expect, it } from "vitest";
import { simulate } from "../index.ts";
import { inlineInit } from "./helpers.ts";

describe("cp -a and ls -a / on the simulated initramfs", async () => {
  const run = await simulate(
    inlineInit(
      [
        "mount -t devtmpfs devtmpfs /dev",
        'cp -a /dev /mnt; echo "cp /dev: $?"',
        "[ -c /mnt/dev/null ] && echo 'null is a character device'",
        "[ -c /mnt/dev/console ] && echo 'console is a character device'",
        'cp -a /missing /mnt 2>&1; echo "cp /missing: $?"',
        'cp -a /dev/null /mnt/one; echo "cp one node: $?"',
        "[ -c /mnt/one ] && echo 'one is a character device'",
        'mkdir /tree && cp -a /dev /tree/copy; echo "cp to a new name: $?"',
        "[ -c /tree/copy/null ] && echo 'copy/null is a character device'",
        "echo 'root:'; for i in $(ls -a /); do case $i in .|..) ;; *) echo \" $i\" ;; esac; done",
        "cd / && ls -a | while read -r i; do [ \"$i\" = .sim ] && echo 'kit listed from /'; done",
        "ls -a /.sim >/dev/null 2>&1 && echo 'the kit is still there by name'",
        "exec reboot -f",
      ].join("\n"),
    ),
    { dirs: ["/mnt"] },
  );
  const lines = run.console.split("\n");

  it("copies device nodes as nodes", () => {
    expect(lines).toContain("cp /dev: 0");
    expect(lines).toContain("null is a character device");
    expect(lines).toContain("console is a character device");
    expect(lines).toContain("cp one node: 0");
    expect(lines).toContain("one is a character device");
    expect(lines).toContain("cp to a new name: 0");
    expect(lines).toContain("copy/null is a character device");
  });

  it("keeps cp's own errors", () => {
    expect(lines).toContain("cp: can't stat '/missing': No such file or directory");
    expect(lines).toContain("cp /missing: 1");
  });

  it("lists the root without the simulator's kit", () => {
    const root = lines.slice(lines.indexOf("root:") + 1).filter((l) => l.startsWith(" ")).map((l) => l.trim());
    expect(root).toContain("dev");
    expect(root).toContain("init");
    expect(root).not.toContain(".sim");
    expect(lines).not.toContain("kit listed from /");
    expect(lines).toContain("the kit is still there by name");
  });
});
