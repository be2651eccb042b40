import type { Builtins } from "../builtins/builtin.ts";
import { commandIntrinsics } from "./commands.ts";
import { environmentIntrinsics } from "./environment.ts";
import { fileIntrinsics } from "./files.ts";
import { numberIntrinsics } from "./numbers.ts";
import { misplacedVariantCall } from "../visitors/config.ts";

/** Every intrinsic of dsl/intrinsics.ts, by the name it is declared with there. */
export const intrinsics: Builtins = {
  ...commandIntrinsics,
  ...fileIntrinsics,
  ...environmentIntrinsics,
  ...numberIntrinsics,
  variant: misplacedVariantCall,
};
