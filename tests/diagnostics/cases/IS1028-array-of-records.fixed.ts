const targets: string[] = ["/", "/boot"];
console.log(targets.length);
