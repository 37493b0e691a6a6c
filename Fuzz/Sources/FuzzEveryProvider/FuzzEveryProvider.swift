import ErrorCatalog
import Foundation
import FuzzSupport

/// Every provider, through the calls errcat makes (`ProviderAdapter.all`, generated from the catalogs), so
/// that a new catalog's module is fuzzed with no target of its own. Input: the provider's name and a kind
/// (`response`, `webhook`, `report`, `template`), each on a line, then a status, headers and body as
/// `ResponseInput` reads them; a name or kind the provider does not have picks one by the input's bytes.
///
/// Checked for every provider: the same answer twice gives the same classification; every error is the
/// provider's own; an answer that did not succeed names its error; the result encodes as errcat prints it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = inputBytes(data, size)
  var rest = bytes[...]
  func line() -> String? {
    guard let end = rest.firstIndex(of: 0x0A) else { return nil }
    defer { rest = rest[(end + 1)...] }
    return String(decoding: rest[..<end], as: UTF8.self)
  }
  let providers = ProviderAdapter.all
  let name = line()
  let adapter = providers.first { $0.id.rawValue == name } ?? providers[Int(bytes.first ?? 0) % providers.count]
  let kindName = line()
  let kind =
    adapter.kinds.first { $0.rawValue == kindName } ?? adapter.kinds[Int(bytes.last ?? 0) % adapter.kinds.count]
  let input = ResponseInput(Array(rest))
  let status = kind == .webhook || kind == .report ? nil : input.status
  let result = adapter.classify(kind, status, input.headers, input.body)
  let again = adapter.classify(kind, status, input.headers, input.body)
  precondition(result.outcome == again.outcome, "\(adapter.id.rawValue): two outcomes for one answer")
  precondition(result.errors.count == again.errors.count, "\(adapter.id.rawValue): two error counts for one answer")
  for (error, other) in zip(result.errors, again.errors) {
    precondition(error.provider == adapter.id, "\(adapter.id.rawValue): an error of \(error.provider.rawValue)")
    precondition(error.entry == other.entry, "\(adapter.id.rawValue): two entries for one answer")
  }
  precondition(
    result.outcome == .success || !result.errors.isEmpty, "\(adapter.id.rawValue): \(result.outcome) with no error")
  do {
    _ = try JSONEncoder().encode(result.encodable)
  } catch {
    preconditionFailure("\(adapter.id.rawValue): the result does not encode: \(error)")
  }
  return 0
}
