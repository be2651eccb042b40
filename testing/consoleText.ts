/**
 * A console's bytes as a terminal would show them, for people reading `initsh simulate`'s
 * output: no raw escape codes. Colours and other attributes (`ESC [ … m`) are dropped, a jump
 * to a column (`ESC [ N G`, how log.ok puts `[ OK ]` at column 70) becomes the spaces it
 * skips, any other escape sequence is dropped, and other control characters are shown as
 * `^X` (as `cat -v` does). Line feeds and tabs stay.
 */
export function consoleText(raw: string): string {
  return raw
    .split("\n")
    .map((line) => renderLine(line))
    .join("\n");
}

/** A CSI sequence: ESC [, parameter and intermediate bytes, a final byte. */
const CSI = /^\x1b\[([0-?]*)[ -/]*([@-~])/;

function renderLine(line: string): string {
  let out = "";
  for (let i = 0; i < line.length; ) {
    const c = line[i]!;
    if (c === "\x1b") {
      const csi = CSI.exec(line.slice(i));
      if (csi) {
        if (csi[2] === "G") out = out.padEnd(Math.max(0, (Number.parseInt(csi[1] || "1", 10) || 1) - 1));
        i += csi[0].length;
      } else {
        i += line[i + 1] === undefined ? 1 : 2; // ESC and the one character of a two-byte sequence
      }
      continue;
    }
    const code = c.charCodeAt(0);
    if (c !== "\t" && (code < 0x20 || code === 0x7f)) out += `^${String.fromCharCode(code === 0x7f ? 0x3f : code + 0x40)}`;
    else out += c;
    i++;
  }
  return out;
}
