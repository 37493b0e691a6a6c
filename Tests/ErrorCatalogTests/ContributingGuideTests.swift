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
    ("Sources/ErrcatCommand/ProviderAdapter.swift", { _, module in "\(module).tables" }),
    ("Sources/ErrorCatalogTesting/CatalogSamples.swift", { _, module in "\(module).classify" }),
    ("Fuzz/Package.swift", { _, module in module }),
    ("Scripts/footprint.sh", { _, module in "\"\(module)\"" }),
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
      let sources = PackagePaths.root.appendingPathComponent("Sources/\(catalog.module)")
      for name in ["\(catalog.module).swift", "\(catalog.module)+Classify.swift"] {
        #expect(
          FileManager.default.fileExists(atPath: sources.appendingPathComponent(name).path),
          "Sources/\(catalog.module)/\(name) is missing")
      }
      #expect(
        FileManager.default.fileExists(
          atPath: PackagePaths.root.appendingPathComponent("Fuzz/Sources/Fuzz\(catalog.module)").path)
          || (try? String(contentsOf: PackagePaths.root.appendingPathComponent("Fuzz/Package.swift"), encoding: .utf8))?
            .contains("Fuzz\(catalog.module)") == true,
        "no fuzz target for \(catalog.module)")
    }
  }
}
