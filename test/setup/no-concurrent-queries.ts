// Fails the test during which node-postgres warns that a query was sent to a client that is still
// running one: that is two queries at once on one connection, almost always a `Promise.all` over
// queries inside a transaction. pg 9 will reject it; today it only queues, and the order of the
// statements inside the transaction is then not the order the code reads in. Only PostgreSQL runs
// can trigger it (PGlite has no such warning). Run the file again with
// NODE_OPTIONS=--trace-deprecation to see the query that did it.
import { afterAll, afterEach } from "vitest";

const CONCURRENT_QUERY = "when the client is already executing a query";
const seen: Error[] = [];

process.on("warning", (warning) => {
  if (warning.name === "DeprecationWarning" && warning.message.includes(CONCURRENT_QUERY)) seen.push(warning);
});

function failOnConcurrentQueries() {
  const warning = seen.splice(0)[0];
  if (warning) {
    throw new Error(`Concurrent queries on one database client (see test/setup/no-concurrent-queries.ts): ${warning.message}`);
  }
}

afterEach(failOnConcurrentQueries);
afterAll(failOnConcurrentQueries);
