import FuzzSupport
import WhatsApp

@testable import ErrorCatalog

/// `WhatsApp.classifyWebhook(body:)`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  fuzzWebhook(data, size, provider: .whatsapp) { WhatsApp.classifyWebhook(body: $0) }
  return 0
}
