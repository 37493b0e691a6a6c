import FuzzSupport
import Yeastar

@testable import ErrorCatalog

/// `Yeastar.classify(status:headers:body:)`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  fuzzResponse(
    data, size, provider: .yeastar, fallback: .fromStatus,
    classify: { Yeastar.classify(status: $0, headers: $1, body: $2) },
    // Only a top-level `errcode` can say success, whatever the status.
    successRequires: { isJSONObject($0.body) })
  return 0
}
