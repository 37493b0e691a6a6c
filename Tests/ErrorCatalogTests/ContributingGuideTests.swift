import CatalogGenerator
import ErrorCatalog
import Foundation
import Testing

@testable import ErrcatCommand

/// CONTRIBUTING.md's "Add a provider" lists every place a provider is named; these tests fail when a
/// catalog's provider is missing from one, so the guide and the code cannot drift apart.
@Suite("CONTRIBUTING.md: every place a provider is named")
struct ContributingGuideTests {
  /// The files the guide's "Add a provider" names, each with what must appear in it for a provider.
  static let places: [(file: String, mention: @Sendable (_ provider: String, _ module: String) -> String)] = [
    ("Package.swift", { _, module in "\"\(module)\"" }),
    // Generated from the catalogs (`swift run generate-catalogs`), never edited by hand.
    ("Sources/ErrcatCommand/Generated/ProviderAdapter+All.swift", { _, module in "\(module).tables" }),
    ("Sources/ErrorCatalogTesting/Generated/CatalogSamples+Providers.swift", { _, module in "\(module).classify" }),
    ("README.md", { _, module in "`\(module)`" }),
  ]

  @Test("Every catalog's provider is named in every file the guide lists, and errcat has an adapter for it")
  func everyPlaceNamesEveryProvider() throws {
    let guide = try String(contentsOf: PackagePaths.root.appendingPathComponent("CONTRIBUTING.md"), encoding: .utf8)
    let catalogs = try Generator.loadCatalogs(in: PackagePaths.catalogs).map(\.catalog)
    #expect(catalogs.count >= 6)
    for (file, mention) in Self.places {
      #expect(guide.contains("`\(file)`"), "CONTRIBUTING.md does not list \(file)")
      let text = try String(contentsOf: PackagePaths.root.appendingPathComponent(file), encoding: .utf8)
      for catalog in catalogs {
        let wanted = mention(catalog.provider, catalog.module)
        #expect(text.contains(wanted), "\(file) does not name \(catalog.module) (\(wanted))")
      }
    }
    for catalog in catalogs {
      #expect(
        ProviderAdapter.all.contains { $0.id == ProviderID(rawValue: catalog.provider) },
        "errcat has no adapter for \(catalog.provider)")
      // The module's hand-written Swift: one file for a new provider, `<Module>.swift`, or more.
      let sources = PackagePaths.root.appendingPathComponent("Sources/\(catalog.module)")
      let files = (try? FileManager.default.contentsOfDirectory(atPath: sources.path)) ?? []
      #expect(files.contains { $0.hasSuffix(".swift") }, "Sources/\(catalog.module) has no Swift file")
      let tests = PackagePaths.root.appendingPathComponent("Tests/ErrorCatalogTests/\(catalog.module)Tests.swift")
      #expect(FileManager.default.fileExists(atPath: tests.path), "no test file of \(catalog.module)'s wire shapes")
    }
  }

  /// A file that listed the providers would be a fifth to edit, and one the guide does not name: the schema
  /// did (an `enum` of provider names), so a new catalog failed only in CI's schema check.
  @Test("The schema names no provider: any catalog's provider is a pattern match")
  func schemaNamesNoProvider() throws {
    let data = try Data(contentsOf: PackagePaths.catalogs.appendingPathComponent("catalog.schema.json"))
    let schema = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let properties = try #require(schema["properties"] as? [String: Any])
    let provider = try #require(properties["provider"] as? [String: Any])
    #expect(provider["enum"] == nil, "catalog.schema.json enumerates the providers")
    let pattern = try #require(provider["pattern"] as? String)
    let catalogs = try Generator.loadCatalogs(in: PackagePaths.catalogs).map(\.catalog)
    for name in catalogs.map(\.provider) + ["acme", "acme-sms"] {
      #expect(name.range(of: pattern, options: .regularExpression) != nil, "\(name) does not match \(pattern)")
    }
    let text = String(decoding: data, as: UTF8.self)
    for catalog in catalogs {
      #expect(!text.contains("\"\(catalog.provider)\""), "catalog.schema.json names \(catalog.provider)")
    }
  }
}
