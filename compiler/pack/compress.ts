import { spawnSync } from "node:child_process";
import { gunzipSync, gzipSync } from "node:zlib";

/** How an image is compressed: the kernel unpacks each (CONFIG_RD_GZIP, _ZSTD, _XZ). */
export type Compression = "gzip" | "zstd" | "xz" | "none";
export const COMPRESSIONS: readonly Compression[] = ["gzip", "zstd", "xz", "none"];

/** The system tool for each compression node's zlib lacks, its arguments, and its Debian package. */
const TOOLS = {
  zstd: { command: "zstd", compress: ["-19", "-q", "-c"], decompress: ["-d", "-q", "-c"], aptPackage: "zstd" },
  // The kernel's xz decoder checks only CRC32.
  xz: { command: "xz", compress: ["--check=crc32", "-9", "-c"], decompress: ["-d", "-c"], aptPackage: "xz-utils" },
};

function runTool(kind: "zstd" | "xz", args: string[], input: Buffer): Buffer {
  const tool = TOOLS[kind];
  const r = spawnSync(tool.command, args, { input, maxBuffer: 1 << 30 });
  if (r.error) throw new Error(`${kind} needs the ${tool.command} program (apt-get install ${tool.aptPackage}): ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${tool.command} ${args.join(" ")} failed: ${r.stderr.toString().trim()}`);
  return r.stdout;
}

/** The image compressed; gzip by node's zlib (its header has no time or name: the same bytes every time). */
export function compress(data: Buffer, how: Compression): Buffer {
  switch (how) {
    case "none":
      return data;
    case "gzip":
      return gzipSync(data, { level: 9 });
    default:
      return runTool(how, TOOLS[how].compress, data);
  }
}

/** An image's cpio bytes, whatever of the four it was compressed with (told by its first bytes). */
export function decompress(bytes: Buffer): Buffer {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return gunzipSync(bytes);
  if (bytes.subarray(0, 6).equals(Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]))) return runTool("xz", TOOLS.xz.decompress, bytes);
  if (bytes.readUInt32LE(0) === 0xfd2fb528) return runTool("zstd", TOOLS.zstd.decompress, bytes);
  return bytes;
}
