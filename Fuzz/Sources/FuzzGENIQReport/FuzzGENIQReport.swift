import ErrorCatalog
import FuzzSupport
import GENIQ

/// `GENIQ.classifyReport(body:)`: the whole input is the report (JSON or a query string).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let body = inputBytes(data, size)
  // A report has no HTTP status: unrecognized is `unknown`, or like Subscriber Absent for `expired`.
  let expired = StatusClassification(category: .recipient, retry: .backoff, fault: .recipient)
  var expected = Expectation(
    provider: .geniq, kind: .report, body: body, fallback: .oneOf([.unknown, expired]),
    outcomeFollowsEntry: false)
  let classification = expected.stamp { GENIQ.classifyReport(body: body) }
  check(classification, expected) { GENIQ.classifyReport(body: body) }
  switch classification {
  case .pending(let error):
    // Under way: the reason table's "not applicable" entry, nothing to do yet.
    guard error.code == .reason(.notApplicable), error.retry == .notNeeded else {
      violated("a pending report classified \(error)")
    }
  case .failure(let error), .partial(let error):
    // Reason codes come from the reason table only.
    if case .reason? = error.code {
    } else if let code = error.code {
      violated("a report classified with \(code)")
    }
  case .success:
    break
  }
  return 0
}
