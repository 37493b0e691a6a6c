import Foundation
import Testing

/// The README's snippets are copies of code that is compiled: in these tests, or in the Examples package
/// (built by CI). Each lies between `// README-SNIPPET-BEGIN name` and `// README-SNIPPET-END`.
@Suite("README snippets")
struct ReadmeSnippetTests {
  static let expected: Set<String> = [
    "urlsession", "async-http-client", "http-types", "logging", "metrics", "progress", "retrying", "testing",
  ]

  static func snippets() throws -> [String: String] {
    var found: [String: String] = [:]
    let folders = ["Tests/ErrorCatalogTests", "Examples/Sources/Examples"]
    for folder in folders {
      let directory = PackagePaths.root.appendingPathComponent(folder)
      for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where name.hasSuffix(".swift") {
        let source = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        var current: (name: String, lines: [Substring])?
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
          if line.hasPrefix("// README-SNIPPET-BEGIN ") {
            current = (String(line.dropFirst("// README-SNIPPET-BEGIN ".count)), [])
          } else if line.hasPrefix("// README-SNIPPET-END"), let snippet = current {
            found[snippet.name] = snippet.lines.joined(separator: "\n") + "\n"
            current = nil
          } else {
            current?.lines.append(line)
          }
        }
      }
    }
    return found
  }

  @Test("Every snippet the README shows is compiled code, copied exactly")
  func snippetsAreCompiledCode() throws {
    let readme = try String(contentsOf: PackagePaths.root.appendingPathComponent("README.md"), encoding: .utf8)
    let snippets = try Self.snippets()
    #expect(Set(snippets.keys) == Self.expected)
    for (name, code) in snippets.sorted(by: { $0.key < $1.key }) {
      #expect(readme.contains("```swift\n" + code + "```"), "the README does not show the snippet \(name) as compiled")
    }
  }
}
