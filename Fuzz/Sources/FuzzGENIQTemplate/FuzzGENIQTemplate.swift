import FuzzSupport
import GENIQ

@testable import ErrorCatalog

/// `GENIQ.classifyTemplateResponse(status:headers:body:)`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  fuzzResponse(
    data, size, provider: .geniq, fallback: .fromStatus,
    classify: { GENIQ.classifyTemplateResponse(status: $0, headers: $1, body: $2) },
    // `responseCode` 0 with "Success" whatever the status; else a 2xx template or list, or a 204 without body.
    successRequires: {
      isJSONObject($0.body)
        || isSuccessStatus($0.status) && (isJSON($0.body) || $0.status == 204 && isBlank($0.body))
    },
    extra: { _, classification in
      // Codes come from the template table only.
      if case .template? = classification.error?.code {
      } else if let code = classification.error?.code {
        violated("a template answer classified with \(code)")
      }
    })
  return 0
}
