function classify(a: number, b: number): string {
  if (a > 0) {
    if (b > 0) {
      return "both positive";
    } else {
      if (b === 0) {
        return "a positive, b zero";
      }
      return "a positive, b negative";
    }
  } else if (a === 0) {
    return b === 0 ? "both zero" : "a zero";
  }
  if (b > 0) {
    return "a negative, b positive";
  }
  return "neither positive";
}
const vals = [-1, 0, 1];
for (const a of vals) {
  for (const b of vals) {
    console.log(`${a} ${b}: ${classify(a, b)}`);
  }
}
