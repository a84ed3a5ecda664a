/**
 * TypeScript's compiler API, for every module of tsomp to import. Loaded with require: importing
 * its 9 MB CommonJS file from an ES module makes Node scan the whole file for named exports, which
 * takes about half a second at every start of the CLI; requiring it does not.
 */
import ts = require("typescript");

export = ts;
