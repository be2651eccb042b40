/** The initsh package entry. The boot DSL and its standard library are exported from here. */
export {};
