const mode = 493;
const ownerExec = Math.floor(mode / 64) % 2 === 1;
console.log(ownerExec);
