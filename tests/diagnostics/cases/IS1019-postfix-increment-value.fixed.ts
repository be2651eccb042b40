let i = 0;
const j = i;
i++;
console.log(j, i);
