function k(s: string): string {
  switch (s) {
    case "it's":
      return "apostrophe";
    case "a\\b":
      return "backslash";
    case "$(x)":
      return "cmdsubst";
    case "a|b":
      return "pipe";
    case "":
      return "empty";
    default:
      return "other";
  }
}
for (const s of ["it's", "a\\b", "ab", "$(x)", "a|b", "a", "", "b"]) {
  console.log(`${s} ${k(s)}`);
}
