"use strict";
// `haptik-webhook/testing` (CommonJS): the same hooks, from the same copy of the core as node.cjs.
require("./node.cjs");
const { __forceTrapForTests } = require("./src/api.cjs");

module.exports = { forceTrap: __forceTrapForTests };
