import Foundation
import Testing

/// Each provider's DocC landing page opens with an example of the calls a user makes; it is generated from
/// the catalog, and type-checked here as a client outside the package would compile it.
@Suite("DocC landing page examples")
struct DocSnippetTests {
  static let modules = ["Wolkvox", "Dialog360", "Cequens", "Yeastar", "GENIQ", "WhatsApp"]

  /// The Swift code blocks of a module's landing page, in order.
  static func swiftBlocks(of module: String) throws -> [String] {
    let page = PackagePaths.root.appendingPathComponent("Sources/\(module)/\(module).docc/\(module).md")
    let text = try String(contentsOf: page, encoding: .utf8)
    var blocks: [String] = []
    var current: [Substring]?
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line == "```swift" {
        current = []
      } else if line == "```", let block = current {
        blocks.append(block.joined(separator: "\n"))
        current = nil
      } else {
        current?.append(line)
      }
    }
    return blocks
  }

  @Test("Every provider's landing page opens with an example that compiles", arguments: modules)
  func landingPageCompiles(module: String) throws {
    let blocks = try Self.swiftBlocks(of: module)
    #expect(!blocks.isEmpty, "\(module)'s landing page has no example")
    for block in blocks {
      #expect(block.contains("\(module).classify"), "\(module)'s example does not show its classify call")
      let result = try ClientCompiler.typecheck(block)
      #expect(result.status == 0, "\(module)'s example does not compile:\n\(result.output)")
    }
  }
}
