import FuzzSupport
import GENIQ

@testable import ErrorCatalog

/// `GENIQ.classifyReport(body:)`: the whole input is the report (JSON or a query string).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let body = inputBytes(data, size)
  // A report has no HTTP status: unrecognized is `unknown`; every recognized one follows its entry's outcome.
  var expected = Expectation(provider: .geniq, kind: .report, body: body, fallback: .oneOf([.unknown]))
  let classification = expected.stamp { GENIQ.classifyReport(body: body) }
  check(classification, expected) { GENIQ.classifyReport(body: body) }
  switch classification {
  case .pending(let error):
    // Under way: a status entry (processed, sent), nothing to do yet.
    guard case .status? = error.code, error.retry == .notNeeded else {
      violated("a pending report classified \(error)")
    }
  case .failure(let error), .partial(let error):
    // Reports are classified from the reason and status tables only.
    switch error.code {
    case .reason?, .status?, nil: break
    case let code?: violated("a report classified with \(code)")
    }
  case .success:
    break
  @unknown default:
    violated("an outcome this target does not know: \(classification.outcome)")
  }
  return 0
}
