function show(): string {
  return `${LABEL}:${counter}`;
}
function bump(): void {
  counter += 1;
}
const LABEL = "lbl";
let counter = 10;
console.log(show());
bump();
bump();
console.log(show());
counter = -5;
console.log(show());
