import CatalogGenerator
import Cequens
import Dialog360
import ErrorCatalog
import Foundation
import GENIQ
import Testing
import WhatsApp
import Wolkvox
import Yeastar

@testable import ErrcatCommand

@Suite("The same situation means the same everywhere")
struct CrossProviderTests {
  /// Every entry of every module, once (Meta's table is shared by three modules).
  static let allEntries: [CatalogEntry] = {
    // errcat's providers: every catalog's tables, and those of the catalogs each passes through.
    let tables = ProviderAdapter.all.flatMap(\.tables)
    var seen: Set<CatalogEntry> = []
    return tables.flatMap(\.entries).filter { seen.insert($0).inserted }
  }()

  @Test("The entries checked here cover every catalog in Catalogs/: a new provider cannot be left out")
  func everyCatalogIsChecked() throws {
    let catalogs = try Generator.loadCatalogs(in: PackagePaths.catalogs).map(\.catalog)
    let checked = Set(Self.allEntries.map { "\($0.provider.rawValue)/\($0.table)" })
    for catalog in catalogs {
      for table in catalog.tables {
        #expect(checked.contains("\(catalog.provider)/\(table.id)"), "\(catalog.provider)/\(table.id) is not checked")
      }
    }
    #expect(Set(Self.allEntries.map(\.provider.rawValue)) == Set(catalogs.map(\.provider)))
  }

  /// The entries whose catalog says why their classification differs from their situation's.
  static let explainedDifferences: Set<String> = {
    guard let catalogs = try? Generator.loadCatalogs(in: PackagePaths.catalogs) else { return [] }
    var keys: Set<String> = []
    for (_, catalog) in catalogs {
      for table in catalog.tables {
        for entry in table.entries where entry.situationNote != nil {
          keys.insert("\(catalog.provider)/\(table.id)/\(entry.name)")
        }
      }
    }
    return keys
  }()

  static func key(_ entry: CatalogEntry) -> String { "\(entry.provider.rawValue)/\(entry.table)/\(entry.name)" }

  static let situationsInUse: [Situation] = Situation.allCases.filter { situation in
    allEntries.contains { $0.situation == situation }
  }

  @Test(
    "All entries of one situation share category, retry and fault, unless the catalog says why",
    arguments: situationsInUse)
  func situationIsConsistent(situation: Situation) throws {
    let entries = Self.allEntries.filter { $0.situation == situation }
    let ruling = entries.filter { !Self.explainedDifferences.contains(Self.key($0)) }
    let first = try #require(ruling.first, "every entry of \(situation) explains a difference: which is the rule?")
    for entry in ruling.dropFirst() {
      #expect(entry.category == first.category, "\(entry) vs \(first)")
      #expect(entry.retry == first.retry, "\(entry) vs \(first)")
      #expect(entry.fault == first.fault, "\(entry) vs \(first)")
    }
  }

  @Test("Situations unify providers: the window, a missing template and rate limits are named everywhere")
  func situationsSpanProviders() {
    for situation in [Situation.conversationWindowClosed, .templateMissing, .rateLimited] {
      let providers = Set(Self.allEntries.filter { $0.situation == situation }.map(\.provider))
      #expect(providers.count >= 3, "\(situation): \(providers)")
    }
    let window = Self.allEntries.filter { $0.situation == .conversationWindowClosed }
    #expect(window.allSatisfy { $0.category == .conversationWindow })
  }

  @Test("errcat prints the situation, null where none applies")
  func errcatPrintsSituation() throws {
    let output = Errcat.run(arguments: ["explain", "wolkvox", "403", "--json"])
    let object = try #require(JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any])
    let entries = try #require(object["entries"] as? [[String: Any]])
    #expect(!entries.isEmpty)
    #expect(entries.allSatisfy { $0.keys.contains("situation") })
    let window = Errcat.run(arguments: [
      "classify", "whatsapp", "--status", "400", "--json", "--body",
      #"{"error":{"message":"(#131047) Re-engagement message","type":"OAuthException","code":131047}}"#,
    ])
    let classified = try #require(
      JSONSerialization.jsonObject(with: Data(window.standardOutput.utf8)) as? [String: Any])
    let error = try #require((classified["errors"] as? [[String: Any]])?.first)
    #expect(error["situation"] as? String == "conversationWindowClosed")
  }

  @Test(
    "GENIQ's template codes that are Meta codes mean what Meta's catalog says, unless the catalog says why",
    arguments: GENIQ.TemplateCode.allCases.filter {
      $0.entry.outcome == .failure && WhatsApp.Code.table.match(code: $0.entry.code) != nil
        && !explainedDifferences.contains(key($0.entry))
    })
  func geniqTemplateCodesFollowMeta(code: GENIQ.TemplateCode) throws {
    let meta = try #require(WhatsApp.Code.table.match(code: code.entry.code)?.entry)
    #expect(code.entry.category == meta.category)
    #expect(code.entry.retry == meta.retry)
  }
}

@Suite("Known messages with details appended")
struct AppendedDetailTests {
  @Test("Every known message of eight bytes or more, in any letter case, matches with details appended")
  func everyMessageMatchesAsAPrefix() {
    // errcat's providers: every catalog's tables, and those of the catalogs each passes through.
    let tables = ProviderAdapter.all.flatMap(\.tables)
    var checked = 0
    for table in tables {
      for entry in table.entries where entry.patterns.isEmpty {
        let message = entry.message.trimmingCharacters(in: .whitespaces)
        guard message.utf8.count >= 8, let exact = table.match(message: message) else { continue }
        for text in [message + ": extra detail 42", message.lowercased() + " - extra detail 42"] {
          let found = table.match(message: text)
          #expect(found?.entry.message == exact.entry.message, "\(table.provider) \(text)")
          #expect(found?.parameters["detail"] == "extra detail 42", "\(table.provider) \(text)")
        }
        checked += 1
      }
    }
    #expect(checked > 100)
  }
}
