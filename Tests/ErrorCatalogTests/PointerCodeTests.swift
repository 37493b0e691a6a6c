import Foundation
import Testing

/// Pointer code is kept where it can be read in one sitting: one file for the library's readers, one for
/// `errcat`'s system calls. Everything else reads bytes through the views those files define, so a new
/// pointer elsewhere is a review question this test asks.
@Suite("Pointer code lives in one file per target")
struct PointerCodeTests {
  /// The files allowed to name a pointer, and why.
  static let allowed: Set<String> = [
    "Sources/ErrorCatalog/UnsafeBytes.swift",  // the readers' views
    "Sources/ErrcatCommand/SystemCalls.swift",  // read(2), write(2), strerror(3)
  ]

  /// What counts as pointer code: a pointer type, borrowing an address, uninitialised storage or memory
  /// rebound to another type.
  static let markers = [
    "UnsafePointer", "UnsafeMutablePointer", "UnsafeRawPointer", "UnsafeMutableRawPointer", "UnsafeBufferPointer",
    "UnsafeMutableBufferPointer", "UnsafeRawBufferPointer", "UnsafeMutableRawBufferPointer", "withUnsafe",
    "unsafeUninitializedCapacity", "baseAddress", "utf8Start", "withUTF8Buffer", "withContiguousStorage",
    "String(cString:", "@_spi", "ManagedBuffer", "unsafeDowncast", "bindMemory", "assumingMemoryBound",
  ]

  @Test("No file under Sources/ but the allowed ones holds pointer code")
  func onlyAllowedFiles() throws {
    let root = PackagePaths.root
    let sources = root.appendingPathComponent("Sources")
    let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
    var offenders: [String] = []
    var found: Set<String> = []
    for case let url as URL in files where url.pathExtension == "swift" {
      let path = String(url.path.dropFirst(root.path.count + 1))
      let text = try String(contentsOf: url, encoding: .utf8)
      let hits = Self.markers.filter { text.contains($0) }
      if hits.isEmpty { continue }
      found.insert(path)
      if !Self.allowed.contains(path) { offenders.append("\(path): \(hits.joined(separator: ", "))") }
    }
    #expect(offenders.isEmpty, "pointer code outside its files: \(offenders)")
    // The allowed files are where the pointer code is: a rename that leaves this list stale fails here.
    #expect(found == Self.allowed)
  }
}
