let kib = 1;
for (let i = 0; i < 10; i++) kib = kib * 2;
console.log(kib);
