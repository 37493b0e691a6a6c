import Cequens
import FuzzSupport

@testable import ErrorCatalog

/// `Cequens.classifyWebhook(body:)`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  fuzzWebhook(data, size, provider: .cequens) { Cequens.classifyWebhook(body: $0) }
  return 0
}
