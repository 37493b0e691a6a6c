import CatalogGenerator
import ErrorCatalog
import Foundation
import Testing

@testable import ErrcatCommand

/// A table's `wire` in its catalog is where its provider's answers put the code and message: the one walk
/// that classifies and the reader of the fields kept for later both take the names from there, so adding a
/// name is a catalog edit.
@Suite("Wire shapes are catalog data")
struct WireShapeTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var provider: String
    var table: String
    var codeName: String
    var messageName: String
    var entry: String
    var code: String
    var message: String
    var testDescription: String { "\(provider)/\(table): \(codeName) + \(messageName)" }
  }

  /// Every pairing of a code name with a message name (and the alternate message's names) of every table
  /// with a `wire`, on the table's first entry whose message no other entry of its code shares.
  static let cases: [Case] = {
    guard let catalogs = try? Generator.loadCatalogs(in: PackagePaths.catalogs) else { return [] }
    var cases: [Case] = []
    for (_, catalog) in catalogs {
      for table in catalog.tables {
        guard let wire = table.wire else { continue }
        let candidates = table.entries.filter { entry in
          entry.codeRange == nil && entry.variant != true && (entry.patterns ?? []).isEmpty
            && table.entries.filter { $0.code == entry.code }.count == 1 && entry.outcome == nil
        }
        guard let entry = candidates.first else { continue }
        for codeName in wire.code {
          for messageName in wire.message + (wire.alternateMessage ?? []) {
            cases.append(
              Case(
                provider: catalog.provider, table: table.id, codeName: codeName, messageName: messageName,
                entry: entry.name, code: entry.code, message: entry.message))
          }
        }
      }
    }
    return cases
  }()

  @Test("The catalogs describe the envelopes of Wolkvox, Yeastar and GENIQ (and any other catalog's)")
  func described() {
    #expect(Set(Self.cases.map(\.provider)).isSuperset(of: ["wolkvox", "yeastar", "geniq"]))
  }

  @Test("Each of a wire's names is read, by the walk and by the field reader", arguments: cases)
  func everyNameIsRead(_ wireCase: Case) throws {
    let adapter = try #require(ProviderAdapter.named(wireCase.provider))
    let code = Int(wireCase.code).map { "\($0)" } ?? "\"\(wireCase.code)\""
    let body = #"{"\#(wireCase.codeName)":\#(code),"\#(wireCase.messageName)":"\#(wireCase.message)"}"#
    let status = Int(wireCase.code).flatMap { (400..<600).contains($0) ? $0 : nil } ?? 200
    let result = adapter.classify(.response, status, [:], Array(body.utf8))
    let error = try #require(result.errors.first, "\(body) was not classified as a failure")
    #expect(error.entry?.name == wireCase.entry, "\(body)")
    #expect(error.rawCode == wireCase.code)
    #expect(error.rawMessage == wireCase.message, "the field reader did not read \(wireCase.messageName)")
  }

  @Test("A name the catalog does not list is not read")
  func unlistedNamesAreNot() throws {
    let body = #"{"errorcode":10004,"errormessage":"TOKEN EXPIRED"}"#
    let error = try #require(
      ProviderAdapter.named("yeastar")?.classify(.response, 200, [:], Array(body.utf8)).errors.first)
    #expect(error.entry == nil)
    #expect(error.rawCode == nil)
  }
}
