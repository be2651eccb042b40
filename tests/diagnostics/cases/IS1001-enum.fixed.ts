type Stage = "early" | "late";
const stage: Stage = "early";
console.log(stage);
