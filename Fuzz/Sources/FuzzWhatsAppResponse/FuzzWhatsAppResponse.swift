import FuzzSupport
import WhatsApp

@testable import ErrorCatalog

/// `WhatsApp.classify(status:headers:body:)`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  fuzzResponse(
    data, size, provider: .whatsapp, fallback: .fromStatus,
    classify: { WhatsApp.classify(status: $0, headers: $1, body: $2) },
    successRequires: { isSuccessStatus($0.status) && (isBlank($0.body) || isJSON($0.body)) })
  return 0
}
