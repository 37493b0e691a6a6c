import CatalogGenerator
import Foundation
import Testing

@Suite("Generated Swift matches the catalogs")
struct GeneratedFilesTests {
  @Test("Every committed generated file equals what the generator writes now")
  func generatedFilesAreUpToDate() throws {
    let files = try Generator.generate(catalogsIn: PackagePaths.catalogs)
    #expect(files.count == Set(try Generator.loadCatalogs(in: PackagePaths.catalogs).map(\.catalog.module)).count)
    for (path, expected) in files.sorted(by: { $0.key < $1.key }) {
      let committed = try? String(contentsOf: PackagePaths.root.appendingPathComponent(path), encoding: .utf8)
      #expect(committed == expected, "\(path) is out of date: run `swift run generate-catalogs`")
    }
  }

  @Test("The generator rejects a catalog with a duplicate case name")
  func duplicateNamesAreRejected() throws {
    let data = try Data(contentsOf: PackagePaths.catalogs.appendingPathComponent("wolkvox.json"))
    var catalog = try JSONDecoder().decode(CatalogFile.self, from: data)
    catalog.tables[0].entries[1].name = catalog.tables[0].entries[0].name
    #expect(throws: Generator.CatalogError.self) { try Generator.validate(catalog, file: "wolkvox.json") }
  }

  @Test("The generator rejects a classification outside the vocabularies")
  func unknownVocabularyIsRejected() throws {
    let data = try Data(contentsOf: PackagePaths.catalogs.appendingPathComponent("wolkvox.json"))
    var catalog = try JSONDecoder().decode(CatalogFile.self, from: data)
    catalog.tables[0].entries[0].retry = "sometimes"
    #expect(throws: Generator.CatalogError.self) { try Generator.validate(catalog, file: "wolkvox.json") }
  }
}
