import { createDiagnosticFactory } from "./diagnostic.ts";

/**
 * Every diagnostic initsh raises itself, one factory per stable code. Codes never change
 * meaning; retired codes are not reused. Each message says what to write instead.
 */
export const diagnostics = {
  unsupportedSyntax: createDiagnosticFactory(
    "IS1001",
    (what: string) => `${what} is not supported by initsh.`,
  ),
  classes: createDiagnosticFactory(
    "IS1002",
    () => "Classes are not supported: use interfaces for record types and plain functions for behaviour.",
  ),
  capturedLocal: createDiagnosticFactory(
    "IS1003",
    (name: string) =>
      `'${name}' is a local of an enclosing function; nested functions cannot capture it in sh. Pass it as a parameter instead.`,
  ),
  asyncCode: createDiagnosticFactory(
    "IS1004",
    () => "async functions and await are not supported: boot steps run one after another; call functions directly.",
  ),
  generators: createDiagnosticFactory(
    "IS1005",
    () => "Generators are not supported: build and return an array instead.",
  ),
  regex: createDiagnosticFactory(
    "IS1006",
    () => "Regular expressions are not supported: use includes, startsWith, endsWith, indexOf or split.",
  ),
  nonInteger: createDiagnosticFactory(
    "IS1007",
    (text: string) => `'${text}' is not an integer: sh arithmetic has integers only.`,
  ),
  bareDivision: createDiagnosticFactory(
    "IS1008",
    () => "'/' can give a fraction: write Math.floor(a / b) or Math.trunc(a / b) for integer division.",
  ),
  anyType: createDiagnosticFactory(
    "IS1009",
    () => "Values of type 'any' or 'unknown' cannot be lowered: give the value a concrete type.",
  ),
  unavailableGlobal: createDiagnosticFactory(
    "IS1010",
    (name: string, instead: string) => `'${name}' is not available in initsh. ${instead}`,
  ),
  spread: createDiagnosticFactory(
    "IS1011",
    () => "Spread syntax is not supported: push elements one by one, or list the fields.",
  ),
  labels: createDiagnosticFactory(
    "IS1012",
    () => "Labeled statements are not supported: move the inner loop into a function and return from it.",
  ),
  exceptions: createDiagnosticFactory(
    "IS1013",
    () => "try/catch and throw are not supported: return boolean or undefined for failure and test it.",
  ),
  computedName: createDiagnosticFactory(
    "IS1014",
    () => "Computed property names are not supported: records have a fixed shape; name each field.",
  ),
  stringRelational: createDiagnosticFactory(
    "IS1015",
    () => "Strings cannot be ordered with < <= > >= in sh without a fork: compare with === or !==.",
  ),
  looseEquality: createDiagnosticFactory(
    "IS1016",
    (op: string) => `'${op}' is not supported: use '${op}=' (strict equality).`,
  ),
  functionValue: createDiagnosticFactory(
    "IS1017",
    () => "Functions can only be called, not stored or passed as values: call the function by name.",
  ),
  unrepresentableType: createDiagnosticFactory(
    "IS1018",
    (type: string) =>
      `Type '${type}' has no sh representation: use string, number, boolean, T | undefined, arrays of those, or a record of those.`,
  ),
  effectAsValue: createDiagnosticFactory(
    "IS1019",
    (what: string) => `${what} can only be used as a statement, not as a value: write it on its own line.`,
  ),
  elementAssignment: createDiagnosticFactory(
    "IS1020",
    () => "Assigning to an array element is not supported: build a new array with push.",
  ),
  aliasedRecordWrite: createDiagnosticFactory(
    "IS1021",
    (name: string) =>
      `'${name}' has fields written, so it must be a local record made by an object literal and never copied, passed or returned as a whole (sh copies records, JS shares them). Build a new record instead.`,
  ),
  formatString: createDiagnosticFactory(
    "IS1022",
    () =>
      "With several arguments, console's first string argument may be a format string (%s, %d …): make it a string literal without '%', or join the values in a template literal.",
  ),
  numberRange: createDiagnosticFactory(
    "IS1023",
    (text: string) => `${text} is outside the 32-bit integer range that every target shell computes with.`,
  ),
  varDeclaration: createDiagnosticFactory(
    "IS1024",
    () => "'var' is not supported: use 'let' or 'const'.",
  ),
  unsupportedOperator: createDiagnosticFactory(
    "IS1025",
    (op: string, instead: string) => `The '${op}' operator is not supported. ${instead}`,
  ),
  unsupportedMember: createDiagnosticFactory(
    "IS1026",
    (name: string) => `'${name}' cannot be lowered to sh.`,
  ),
  destructuring: createDiagnosticFactory(
    "IS1027",
    () => "Destructuring is not supported: read the fields or elements one by one.",
  ),
  nestedAggregate: createDiagnosticFactory(
    "IS1028",
    () => "Records and arrays may hold only strings, numbers and booleans (optionally undefined).",
  ),
  caseLabelEffects: createDiagnosticFactory(
    "IS1029",
    () => "A case label must be a constant or a variable, not a call: compute the value before the switch.",
  ),
  forIn: createDiagnosticFactory(
    "IS1030",
    () => "for…in is not supported: records have a fixed shape; use for…of over an array.",
  ),
  imports: createDiagnosticFactory(
    "IS1032",
    (what: string) => `${what}`,
  ),
  exponent: createDiagnosticFactory(
    "IS1034",
    () => "'**' is not supported: multiply in a loop.",
  ),
  bitwise: createDiagnosticFactory(
    "IS1035",
    (op: string) => `The bitwise operator '${op}' is not supported: JavaScript's 32-bit semantics differ from sh arithmetic.`,
  ),
  nestingTooDeep: createDiagnosticFactory(
    "IS1036",
    (limit: number) => `Code nests more than ${limit} levels deep here: name the inner parts with const declarations or functions.`,
  ),
  ambientDeclaration: createDiagnosticFactory(
    "IS1037",
    () =>
      "'declare' makes a name the compiler cannot give a value to. Read the environment with env(), run programs with run() or capture(), or define the function.",
  ),
  fallibleIgnored: createDiagnosticFactory(
    "IS1038",
    (name: string) =>
      `The result of ${name}() is ignored, but it can fail. Say what happens then: \`${name}(…) || rescueShell("…")\` stops the boot with a message; \`if (!${name}(…)) log.warn("…")\` carries on.`,
  ),
  initNotNever: createDiagnosticFactory(
    "IS1039",
    () =>
      "An init's default export must be declared `function init(): never`: PID 1 must never return or exit (the kernel panics: \"Attempted to kill init\"). End every path with switchRoot(…), exec(…) or rescueShell(…).",
  ),
  commandNotLiteral: createDiagnosticFactory(
    "IS1040",
    () =>
      "A command name must be a string literal (\"mount\", \"/sbin/lvm\"), so the compiler knows every program the script may run. Choose between literals with if or switch.",
  ),
  exitInInit: createDiagnosticFactory(
    "IS1041",
    () =>
      "An init must not exit: PID 1 exiting panics the kernel (\"Attempted to kill init\"). Use rescueShell(message) to stop with a shell, or switchRoot(…) to go on.",
  ),
  environmentName: createDiagnosticFactory(
    "IS1042",
    () => "An environment variable's name must be a string literal of capitals, digits and '_' (\"PATH\", \"TERM\").",
  ),
  staleNarrowing: createDiagnosticFactory(
    "IS1043",
    (name: string) =>
      `'${name}' is assigned by functions, and one of them may run between the check that narrowed it and this read; TypeScript does not follow calls, so the type here cannot be trusted. Copy it into a const where you check it: \`const value = ${name}; if (value !== undefined) …\`.`,
  ),
  optionalRecordParameter: createDiagnosticFactory(
    "IS1044",
    () =>
      "A record parameter cannot be optional, and its default value is made by the caller, so it must not read the function's other parameters or call functions: pass the record at every call otherwise (a record's fields may themselves be optional).",
  ),
  uncheckedConversion: createDiagnosticFactory(
    "IS1045",
    (name: string) =>
      `${name}() stops the script when the text is not a whole number, and an init must not stop: PID 1 exiting panics the kernel ("Attempted to kill init"). Say what happens then: \`toInteger(text) ?? fallback\`, \`toInteger(text) ?? rescueShell("…")\`, or \`cmdline.int(name, fallback)\` for a kernel parameter.`,
  ),
  variantWithoutVariants: createDiagnosticFactory(
    "IS1046",
    () =>
      "variant() reads the configuration of the variant being built, but this file declares no variants: add `export const variants = { name: { …fields } } satisfies Variants<Config>;`.",
  ),
  variantNotConstant: createDiagnosticFactory(
    "IS1047",
    (detail: string) => `The variants must be known when the script is compiled: ${detail}.`,
  ),
  variantShape: createDiagnosticFactory(
    "IS1048",
    (name: string, detail: string) => `Variant '${name}' does not match the configuration type: ${detail}.`,
  ),
  variantUse: createDiagnosticFactory(
    "IS1049",
    (detail: string) => `The variant's configuration is a compile-time constant: ${detail}.`,
  ),
  variantName: createDiagnosticFactory(
    "IS1050",
    (name: string) => `The variant name '${name}' cannot be part of a file name (init-${name}.sh): use letters, digits, '.', '_' and '-'.`,
  ),
} as const;
