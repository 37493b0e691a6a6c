import CatalogGenerator
import Foundation
import Testing

@Suite("Generated Swift matches the catalogs")
struct GeneratedFilesTests {
  @Test("Every committed generated file equals what the generator writes now")
  func generatedFilesAreUpToDate() throws {
    let files = try Generator.generate(catalogsIn: PackagePaths.catalogs)
    let modules = Set(try Generator.loadCatalogs(in: PackagePaths.catalogs).map(\.catalog.module))
    // One Swift file per provider module, plus errcat's adapters and the testing kit's sample dispatch.
    #expect(files.keys.filter { $0.hasSuffix(".swift") }.count == modules.count + 2)
    #expect(files["README.md"] != nil, "README.md has lost the markers around its table of modules")
    // Every provider module's DocC catalog is generated too: its landing page and a page per code.
    for module in modules {
      #expect(files["Sources/\(module)/\(module).docc/\(module).md"] != nil, "\(module) has no generated landing page")
    }
    for (path, expected) in files.sorted(by: { $0.key < $1.key }) {
      let committed = try? String(contentsOf: PackagePaths.root.appendingPathComponent(path), encoding: .utf8)
      #expect(committed == expected, "\(path) is out of date: run `swift run generate-catalogs`")
    }
  }

  @Test("No page is left in a generated DocC catalog for a code the catalogs no longer have")
  func noStaleDocumentation() throws {
    let files = try Generator.generate(catalogsIn: PackagePaths.catalogs)
    let stale = Generator.staleDocumentation(in: PackagePaths.root, generated: files)
    #expect(stale.isEmpty, "\(stale) are stale: run `swift run generate-catalogs`")
  }

  /// JSON text without the white space outside its strings.
  static func compact(_ text: String) -> String {
    var out = ""
    var inString = false
    var escaped = false
    for character in text {
      if inString {
        if escaped {
          escaped = false
        } else if character == "\\" {
          escaped = true
        } else if character == "\"" {
          inString = false
        }
        out.append(character)
      } else if character == "\"" {
        inString = true
        out.append(character)
      } else if !character.isWhitespace {
        out.append(character)
      }
    }
    return out
  }

  @Test("Every code's documentation page says where the code arrives and shows its sample")
  func codePagesShowArrivalAndSample() throws {
    let files = try Generator.generate(catalogsIn: PackagePaths.catalogs)
    for (file, catalog) in try Generator.loadCatalogs(in: PackagePaths.catalogs) {
      let pages = Generator.documentation(catalog, file: file)
      for entry in catalog.tables.flatMap(\.entries) {
        // Two tables can both name a case `success`: one of the pages with this name is this entry's.
        let candidates = pages.filter { $0.key.hasSuffix("-\(entry.name).md") }.values
        // JSON bodies are laid out one member a line, in the provider's order; other bodies are shown as sent.
        let body = entry.sample.body
        let isJSON = body.first == "{" || body.first == "["
        let shown = isJSON ? Generator.indentedJSON(body) : body
        #expect(candidates.contains { $0.contains("## Where it arrives") && $0.contains(shown) }, "\(entry.name)")
        if isJSON {
          // Laid out, the body is the same JSON: the same bytes once white space outside strings is dropped.
          #expect(Self.compact(shown) == Self.compact(body), "\(entry.name)")
        }
      }
      #expect(pages.allSatisfy { files[$0.key] == $0.value })
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
