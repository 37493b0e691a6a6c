import Dialog360
import FuzzSupport

@testable import ErrorCatalog

/// `Dialog360.classifyWebhook(body:)`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  fuzzWebhook(data, size, provider: .dialog360) { Dialog360.classifyWebhook(body: $0) }
  return 0
}
