import type { ts } from "ts-morph";
import * as sh from "../../sh/ast.ts";
import { textOf } from "../../ts/nodes.ts";
import { constantDeclaration } from "../analyses/fixed-arrays.ts";
import type { LowerContext } from "../context/context.ts";

/**
 * A read-only array of literals declared outside every function is stored once, under a fixed
 * id: its sh variable name, so elements are plain assignments (`__akinds_0=UUID … __akinds_n=3`,
 * what `__alist` would make through `eval`) and reads of the array are that name. Ids the
 * runtime allocates are numbers, and a name is followed by `_` and an index or `n`, so no two
 * arrays share a variable. (Inside a function a recursive call would overwrite the storage.)
 */
export function storeStaticArray(declaration: ts.VariableDeclaration, ctx: LowerContext): sh.Command[] | undefined {
  const fixed = ctx.position.scope ? undefined : constantDeclaration(declaration, ctx.facts);
  if (!fixed || fixed.elements.length === 0) return undefined;
  const words = fixed.elements.map((e) => ctx.toWord(ctx.expr(e), e).word);
  const id = ctx.newVariable(textOf(declaration.name));
  ctx.bindings.set(fixed.symbol, { kind: "constant", val: { kind: "array", word: sh.word(id) } });
  const elements = sh.assign(`__a${id}_n`, sh.word(String(words.length)), ctx.origin(declaration));
  elements.assigns.unshift(...words.map((value, i) => ({ name: `__a${id}_${i}`, value })));
  return [{ kind: "comment", text: "shellcheck disable=SC2034 # read through eval by the array helpers" }, elements];
}
