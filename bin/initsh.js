#!/usr/bin/env node
import { main } from "../dist/initsh.mjs";

main(process.argv.slice(2));
