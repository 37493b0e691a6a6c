import FuzzSupport
import Wolkvox

@testable import ErrorCatalog

/// `Wolkvox.classify(status:headers:body:)`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  fuzzResponse(
    data, size, provider: .wolkvox, fallback: .fromStatusOrBody,
    classify: { Wolkvox.classify(status: $0, headers: $1, body: $2) },
    // The body's own code may say 2xx whatever the HTTP status; otherwise only a 2xx without an error.
    successRequires: { isJSONObject($0.body) || isSuccessStatus($0.status) && (isBlank($0.body) || isJSON($0.body)) })
  return 0
}
