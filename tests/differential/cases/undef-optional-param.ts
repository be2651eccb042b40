function greet(name: string, title?: string): string {
  if (title === undefined) {
    return `hello ${name}`;
  }
  return `hello ${title} ${name}`;
}
console.log(greet("ann"));
console.log(greet("bob", "dr"));
console.log(greet("cy", undefined));
console.log(greet("di", ""));
function show(x?: number): void {
  console.log(x === undefined, `x=${x}`);
}
show();
show(0);
show(-4);
