/**
 * Allocates sh names. Every TypeScript binding gets a name unique in the whole script, so
 * shadowing, block scoping and the shell's dynamic scoping can never make two bindings meet.
 */
const RESERVED_VARIABLES = new Set([
  "IFS", "PATH", "HOME", "PWD", "OLDPWD", "PS1", "PS2", "PS4", "OPTIND", "OPTARG", "LINENO",
  "PPID", "ENV", "CDPATH", "MAIL", "MAILCHECK", "MAILPATH", "SHELL", "TERM", "LANG", "RANDOM",
  "SECONDS", "HISTFILE", "FCEDIT", "NLSPATH", "POSIXLY_CORRECT", "COLUMNS", "LINES", "TMOUT",
  // Words that read as commands where the compiler lists names (`local a b`, `unset a`).
  "local", "export", "readonly", "unset", "typeset", "declare", "set", "eval", "exec", "command",
]);

// Builtins, keywords and commands the generated code relies on: a user function must not hide them.
const RESERVED_FUNCTIONS = new Set([
  "if", "then", "else", "elif", "fi", "case", "esac", "for", "while", "until", "do", "done", "in",
  "function", "select", "time", "alias", "bg", "break", "cd", "command", "continue", "echo", "eval",
  "exec", "exit", "export", "false", "fc", "fg", "getopts", "hash", "jobs", "kill", "local", "printf",
  "pwd", "read", "readonly", "return", "set", "shift", "test", "times", "trap", "true", "type",
  "typeset", "ulimit", "umask", "unalias", "unset", "wait", "let", "source", "builtin", "declare",
  "enable", "mapfile", "print", "whence", "sleep", "mount", "umount", "modprobe", "switch_root",
  "chroot", "sh", "cat", "ls", "mkdir", "rm", "cp", "mv", "ln", "su", "sudo", "ssh", "expr", "seq",
]);

export class NameAllocator {
  private readonly variables = new Set<string>();
  private readonly functions = new Set<string>();

  /** A fresh variable name based on `base`. */
  variable(base: string): string {
    let name = sanitize(base);
    if (/^__/.test(name) || /^_t[0-9]/.test(name) || /^[A-Z][A-Z0-9_]*$/.test(name)) name = `${name}_`;
    if (RESERVED_VARIABLES.has(name)) name = `${name}_`;
    return unique(name, this.variables);
  }

  /** A fresh temporary variable name. */
  temp(): string {
    return unique("_t1", this.variables, (n) => `_t${n}`);
  }

  /** A fresh function name based on `base`. */
  function(base: string): string {
    let name = sanitize(base);
    if (/^__/.test(name) || RESERVED_FUNCTIONS.has(name)) name = `${name}_fn`;
    return unique(name, this.functions);
  }
}

function sanitize(name: string): string {
  const clean = name.replace(/[^A-Za-z0-9_]/g, "_");
  // `$_` is special in bash and yash.
  if (clean === "_" || clean === "") return "_v";
  return /^[0-9]/.test(clean) ? `_${clean}` : clean;
}

function unique(name: string, taken: Set<string>, numbered = (n: number) => `${name}_${n}`): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) candidate = numbered(n);
  taken.add(candidate);
  return candidate;
}
