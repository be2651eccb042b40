function mountAll(): number {
  return 0;
}
console.log(`mounted: ${mountAll()}`);
