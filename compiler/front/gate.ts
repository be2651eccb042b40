import { ts } from "ts-morph";
import type { CompilerProject } from "./project.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { lineAndColumn } from "../ts/nodes.ts";

/**
 * The type-check gate: every TypeScript error in the program stops the build. Messages for
 * names that exist in JavaScript but not in initsh get a sentence saying what to use instead.
 */
export function typeCheck(project: CompilerProject, source: ts.SourceFile): Diagnostic[] {
  const program = project.getProgram().compilerObject;
  const found = [
    ...program.getSyntacticDiagnostics(source),
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...program.getSemanticDiagnostics(source),
  ];
  return found.map(fromTypeScript);
}

const hints: Record<string, string> = {
  Map: "Use a record with fixed fields, or two arrays.",
  Set: "Use an array and includes().",
  JSON: "Build the text with a template literal.",
  Object: "Records have a fixed shape: read their fields by name.",
  Date: "Boot code has no clock it can trust: run `date` with capture() if you must.",
  Promise: "Boot steps run one after another: call functions directly.",
  setTimeout: "Use sleep().",
  require: "Import from \"initsh\" only.",
  Array: "Write array literals: [] and push().",
  Boolean: "Compare explicitly: s !== \"\".",
  RegExp: "Use includes, startsWith, endsWith, indexOf or split.",
};

/**
 * Sentences added to the type checker's messages about the boot library, saying what the
 * type is protecting against and what to write instead.
 */
const bootHints: { when: (d: ts.Diagnostic, message: string) => boolean; say: string }[] = [
  {
    when: (d) => d.code === 2534,
    say: "End every path with switchRoot(…), exec(…), rescueShell(…) or another never call. In an init this is what keeps the machine up: PID 1 returning or exiting panics the kernel (\"Attempted to kill init\").",
  },
  {
    when: (_d, m) => /type 'string' is not assignable to (parameter of )?type 'DeviceSpec'/.test(m),
    say: "A plain string is not a DeviceSpec: check it with parseDeviceSpec(s), which gives undefined unless it is /dev/…, UUID=…, LABEL=…, PARTUUID=… or PARTLABEL=… (e.g. parseDeviceSpec(s) ?? rescueShell(\"…\")).",
  },
  {
    when: (_d, m) => /not assignable to type 'TmpfsSize/.test(m),
    say: "A tmpfs size is a share of RAM (\"90%\") or an amount with a unit (\"512m\", \"2g\", \"65536k\").",
  },
  {
    when: (_d, m) => /not assignable to type 'DiskFsType'/.test(m) && /not assignable to type '"tmpfs" \| "overlay"/.test(m),
    say: "The filesystem type must be one mount knows: ext4, ext3, ext2, xfs, btrfs, vfat, exfat, iso9660, udf, squashfs, erofs, ntfs3, f2fs, auto, or tmpfs, overlay, proc, sysfs, devtmpfs, devpts, ramfs.",
  },
];

function fromTypeScript(d: ts.Diagnostic): Diagnostic {
  let message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
  const missing = /^Cannot find name '([^']+)'/.exec(message);
  const hint = missing && hints[missing[1]!];
  if (hint) message += ` It is not available in initsh: ${hint}`;
  for (const extra of bootHints) {
    if (extra.when(d, message)) message += `\n${extra.say}`;
  }
  const out: Diagnostic = {
    code: `TS${d.code}`,
    category: d.category === ts.DiagnosticCategory.Warning ? "warning" : "error",
    message,
  };
  if (d.file && d.start !== undefined) {
    const { line, character } = lineAndColumn(d.file, d.start);
    Object.assign(out, {
      file: d.file.fileName,
      line: line + 1,
      column: character + 1,
      length: d.length ?? 1,
      sourceText: d.file.text,
    });
  }
  return out;
}
