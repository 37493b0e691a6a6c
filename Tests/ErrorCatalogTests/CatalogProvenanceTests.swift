import CatalogGenerator
import Foundation
import Testing

@Suite("Provenance")
struct CatalogProvenanceTests {
  static let catalogs = (try? Generator.loadCatalogs(in: PackagePaths.catalogs)) ?? []

  @Test("Every source an entry beyond the seeds cites says when it was read")
  func sourcesAreDated() throws {
    #expect(!Self.catalogs.isEmpty)
    for (file, catalog) in Self.catalogs {
      let sources = Dictionary(uniqueKeysWithValues: catalog.sources.map { ($0.id, $0) })
      let cited = Set(catalog.tables.flatMap(\.entries).map(\.source) + (catalog.subcodes ?? []).map(\.source))
      for id in cited {
        let source = try #require(sources[id], "\(file): \(id) is cited but not listed")
        if source.document != nil { continue }  // a seed document
        #expect(source.url != nil, "\(file): \(id) has no address")
        #expect(
          source.title.range(of: #"read \d{4}-\d{2}-\d{2}"#, options: .regularExpression) != nil, "\(file): \(id)")
      }
    }
  }
}
