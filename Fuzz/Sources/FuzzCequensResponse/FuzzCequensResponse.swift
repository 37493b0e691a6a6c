import Cequens
import FuzzSupport

@testable import ErrorCatalog

/// `Cequens.classify(status:headers:body:)`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  fuzzResponse(
    data, size, provider: .cequens, fallback: .fromStatusOrBody,
    classify: { Cequens.classify(status: $0, headers: $1, body: $2) },
    // `replyCode` 0 counts whatever the status; otherwise only a 2xx without an error.
    successRequires: { isJSONObject($0.body) || isSuccessStatus($0.status) && (isBlank($0.body) || isJSON($0.body)) })
  return 0
}
