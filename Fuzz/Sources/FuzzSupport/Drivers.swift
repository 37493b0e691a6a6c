@testable package import ErrorCatalog

/// Fuzzes a classifier of synchronous answers: decodes status, `Retry-After` and body from the input (see
/// ``ResponseInput``), classifies, and checks every invariant.
///
/// - Parameters:
///   - successRequires: What must hold of the answer when it is classified as success.
///   - extra: Provider-specific checks of the classification.
package func fuzzResponse<C: CatalogCode>(
  _ data: UnsafePointer<UInt8>, _ size: Int, provider: ProviderID, fallback: Fallback,
  classify: (_ status: Int?, _ headers: [String: String], _ body: [UInt8]) -> Classification<ClassifiedError<C>>,
  successRequires: (ResponseInput) -> Bool = { _ in true },
  extra: (ResponseInput, Classification<ClassifiedError<C>>) -> Void = { _, _ in }
) {
  let input = ResponseInput(inputBytes(data, size))
  var expected = Expectation(
    provider: provider, kind: .response, status: input.status, headers: input.headers, body: input.body,
    fallback: fallback)
  let classification = expected.stamp { classify(input.status, input.headers, input.body) }
  check(classification, expected) { classify(input.status, input.headers, input.body) }
  if classification.outcome == .success, !successRequires(input) {
    violated("classified as success: status \(String(describing: input.status)), \(input.body.count) bytes")
  }
  extra(input, classification)
}

/// Fuzzes a webhook classifier: the whole input is the body.
package func fuzzWebhook<C: CatalogCode>(
  _ data: UnsafePointer<UInt8>, _ size: Int, provider: ProviderID,
  classify: (_ body: [UInt8]) -> [Classification<ClassifiedError<C>>]
) {
  let body = inputBytes(data, size)
  var expected = Expectation(provider: provider, kind: .webhook, body: body, fallback: .fromStatus)
  let events = expected.stamp { classify(body) }
  check(webhook: events, expected) { classify(body) }
}

/// Whether the body is JSON (after the one unwrapping ``ResponseBody/json`` does).
package func isJSON(_ body: [UInt8]) -> Bool { ResponseBody(body).json != nil }

/// Whether the body is a JSON object.
package func isJSONObject(_ body: [UInt8]) -> Bool { ResponseBody(body).json?.isObject == true }

/// Whether the body is empty or white space.
package func isBlank(_ body: [UInt8]) -> Bool { ResponseBody(body).isBlank }

/// Whether the status is 2xx.
package func isSuccessStatus(_ status: Int?) -> Bool { status.map { (200..<300).contains($0) } ?? false }
