import Dialog360
import FuzzSupport

@testable import ErrorCatalog

/// `Dialog360.classify(status:headers:body:)`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  fuzzResponse(
    data, size, provider: .dialog360, fallback: .fromStatusOrBody,
    classify: { Dialog360.classify(status: $0, headers: $1, body: $2) },
    // A gateway `meta` that reports success counts without a status; otherwise only a 2xx without an error.
    successRequires: {
      ($0.status == nil && isJSONObject($0.body))
        || isSuccessStatus($0.status) && (isBlank($0.body) || isJSON($0.body))
    })
  return 0
}
