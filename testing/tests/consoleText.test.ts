/** `initsh simulate` shows the console as a terminal would: no raw escape codes (testing/consoleText.ts). */
import { describe, expect, it } from "vitest";
import { consoleText } from "../consoleText.ts";
import { formatRun } from "../format.ts";

describe("consoleText", () => {
  it("drops colours and turns a jump to column 70 into spaces, as log.ok's [ OK ] shows on a terminal", () => {
    const raw = "Mounted /dev/vda on /newroot\x1b[70G[ \x1b[1;32mOK\x1b[0;39m ]\n";
    expect(consoleText(raw)).toBe(`Mounted /dev/vda on /newroot${" ".repeat(69 - 28)}[ OK ]\n`);
  });

  it("drops other escape sequences and shows other control characters as ^X; keeps tabs", () => {
    expect(consoleText("a\x1b[2Kb\x1b7c\x07d\te\r\x7f")).toBe("abc^Gd\te^M^?");
  });

  it("is what formatRun's console section shows", () => {
    const text = formatRun({ outcome: { kind: "timeout" }, trace: [], console: "x\x1b[1;31mFAIL\x1b[0m\n", mounts: [], durationMs: 1 });
    expect(text).toContain("== console\nxFAIL\n== mounts");
    expect(text).not.toMatch(/\x1b/);
  });
});
