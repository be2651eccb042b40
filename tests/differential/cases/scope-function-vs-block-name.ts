function count(): number {
  return 42;
}
function label(): string {
  return "fn-label";
}
{
  const count = 5;
  const label = "block-label";
  console.log(count, label);
}
console.log(count(), label());
for (let i = 0; i < 2; i++) {
  const count = i * 10;
  console.log(count);
}
console.log(count());
