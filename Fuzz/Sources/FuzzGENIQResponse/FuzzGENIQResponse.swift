import FuzzSupport
import GENIQ

@testable import ErrorCatalog

/// `GENIQ.classify(status:headers:body:)`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  fuzzResponse(
    data, size, provider: .geniq, fallback: .fromStatus,
    classify: { GENIQ.classify(status: $0, headers: $1, body: $2) },
    // Only `responseCode` 0 (a string or a number, leading zeros allowed) is success, whatever the status.
    successRequires: { input in
      let code = ResponseBody(input.body).json?.member("responseCode", "response_code")?.scalarText
      return code == "0" || code.flatMap { Int($0) } == 0
    },
    extra: { _, classification in
      // Codes come from the API response table only.
      if case .response? = classification.error?.code {
      } else if let code = classification.error?.code {
        violated("an API answer classified with \(code)")
      }
    })
  return 0
}
