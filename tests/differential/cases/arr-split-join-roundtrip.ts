const samples = ["a,b,c", ",", "", ",,", "x", "a,,b", ",lead", "trail,"];
for (const s of samples) {
  const parts = s.split(",");
  const back = parts.join(",");
  console.log(`[${s}] ${parts.length} [${back}] ${back === s}`);
}
