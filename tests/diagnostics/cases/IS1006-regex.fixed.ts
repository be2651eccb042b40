const arg = "root=/dev/sda1";
if (arg.startsWith("root=")) console.log(arg.slice(5));
