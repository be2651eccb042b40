function greeting(): string {
  return "hello";
}
console.log(greeting());
