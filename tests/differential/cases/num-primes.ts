const primes: number[] = [];
for (let n = 2; primes.length < 25; n++) {
  let isPrime = true;
  for (const p of primes) {
    if (p * p > n) {
      break;
    }
    if (n % p === 0) {
      isPrime = false;
      break;
    }
  }
  if (isPrime) {
    primes.push(n);
  }
}
console.log(primes.join(" "));
console.log(primes.length);
console.log(primes[24]);
console.log(primes.includes(97), primes.includes(91));
