function count(items: string[]): number {
  return items.length;
}
console.log(count(["a", "b"]));
