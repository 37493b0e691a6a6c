import Foundation
import Testing

@Suite("README")
struct ReadmeTests {
  @Test("The README's Swift example is the one the tests compile")
  func exampleIsCompiled() throws {
    let readme = try String(contentsOf: PackagePaths.root.appendingPathComponent("README.md"), encoding: .utf8)
    let source = try String(
      contentsOf: PackagePaths.root.appendingPathComponent("Tests/ErrorCatalogTests/ReadmeExample.swift"),
      encoding: .utf8)
    let example = try #require(
      source.components(separatedBy: "// README-EXAMPLE-BEGIN\n").last?.components(separatedBy: "// README-EXAMPLE-END")
        .first)
    #expect(readme.contains("```swift\n" + example + "```"))
  }
}
