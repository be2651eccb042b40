let size = "512";
size = "512m";
console.log(size);
