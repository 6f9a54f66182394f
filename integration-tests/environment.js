// Node's environment, with each failed test's errors reduced to plain errors at the end of the test.
// Jest's worker sends results to the parent as JSON: an Axios error (its request and response point
// at each other) crashed the worker, so the failure was retried and then hidden. The plain error
// keeps the stack, and for an HTTP error the status and body the server answered.
const { TestEnvironment } = require("jest-environment-node")

function plain(error) {
  if (!error || typeof error !== "object") {
    return error
  }
  const response = error.response
  const answered = response ? ` (${response.status}: ${JSON.stringify(response.data)})` : ""
  const copy = new Error(`${error.message ?? String(error)}${answered}`)
  const stack = typeof error.stack === "string" ? error.stack : ""
  copy.stack = answered ? stack.replace(/^.*$/m, (first) => first + answered) : stack
  return copy
}

class PlainErrorsEnvironment extends TestEnvironment {
  async handleTestEvent(event) {
    if (event.name === "test_done") {
      event.test.errors = event.test.errors.map((error) => (Array.isArray(error) ? error.map(plain) : plain(error)))
    }
  }
}

module.exports = PlainErrorsEnvironment
