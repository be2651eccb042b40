function action(cmd: string): string {
  switch (cmd) {
    case "start":
    case "restart":
      return "starting";
    case "stop":
      return "stopping";
    case "":
      return "empty";
    case "*":
      return "star";
    default:
      return `unknown(${cmd})`;
  }
}
for (const c of ["start", "restart", "stop", "", "*", "status", "st*"]) {
  console.log(action(c));
}
