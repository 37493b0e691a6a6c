import CatalogGenerator
import Dialog360
import ErrorCatalog
import Foundation
import Testing
import Wolkvox

/// The public API as a client outside the package sees it, compiled by `swiftc` against the built modules.
@Suite("Public API, from a client's side")
struct PublicAPITests {
  /// The vocabularies and the cases of each, as a client would spell them.
  static let vocabularies: [(type: String, cases: [String])] = [
    ("Retry", Retry.allCases.map(\.rawValue)),
    ("ErrorCategory", ErrorCategory.allCases.map(\.rawValue)),
    ("Fault", Fault.allCases.map(\.rawValue)),
    ("Outcome", Outcome.allCases.map(\.rawValue)),
    ("ResponseKind", ResponseKind.allCases.map(\.rawValue)),
  ]

  static func switches(unknownDefault: Bool) -> String {
    var source = "import ErrorCatalog\n"
    for (type, cases) in vocabularies {
      source += "func name(_ value: \(type)) -> Int {\n  switch value {\n"
      for (offset, name) in cases.enumerated() { source += "  case .\(name): return \(offset)\n" }
      if unknownDefault { source += "  @unknown default: return -1\n" }
      source += "  }\n}\n"
    }
    return source
  }

  @Test("ProviderID is open: a client names its own provider beside the modules' members")
  func providerIDIsOpen() throws {
    let client = """
      import ErrorCatalog
      import Dialog360
      import Wolkvox
      extension ProviderID {
        static let acme = ProviderID(rawValue: "acme", displayName: "Acme SMS")
      }
      func route(_ id: ProviderID) -> Int {
        switch id {
        case .wolkvox: 1
        case .dialog360: 2
        case .acme: 3
        default: 0
        }
      }
      """
    let result = try ClientCompiler.typecheck(client)
    #expect(result.status == 0, "\(result.output)")
    // Equality, hashing and encoding are the raw value's; a decoded identifier keeps it.
    #expect(ProviderID.dialog360.rawValue == "360dialog")
    #expect(ProviderID.dialog360.displayName == "360dialog")
    #expect(ProviderID.wolkvox.displayName == "Wolkvox")
    #expect(ProviderID(rawValue: "wolkvox") == .wolkvox)
    #expect(Set([ProviderID.wolkvox, ProviderID(rawValue: "wolkvox")]).count == 1)
    let encoded = try JSONEncoder().encode([ProviderID.dialog360])
    #expect(String(decoding: encoded, as: UTF8.self) == #"["360dialog"]"#)
    #expect(try JSONDecoder().decode([ProviderID].self, from: encoded) == [.dialog360])
  }

  @Test("A client's switch over every vocabulary needs @unknown default, and compiles with one")
  func vocabulariesCanGrow() throws {
    let without = try ClientCompiler.typecheck(Self.switches(unknownDefault: false))
    #expect(without.status != 0)
    for (type, _) in Self.vocabularies {
      #expect(
        without.output.contains("'\(type)' may have additional unknown values"), "\(type) is exhaustive for clients")
    }
    let with = try ClientCompiler.typecheck(Self.switches(unknownDefault: true))
    #expect(with.status == 0, "\(with.output)")
  }

  @Test("A client written against the documented calls compiles outside the package, without warnings")
  func clientCompiles() throws {
    let source = """
      import Cequens
      import Dialog360
      import ErrorCatalog
      import Foundation
      import GENIQ
      import WhatsApp
      import Wolkvox
      import Yeastar

      func send(_ body: String) -> String {
        do {
          let sent = try Wolkvox.classify(status: 200, body: body).get()
          return sent.references.messageID ?? "sent"
        } catch let error where Wolkvox.Code.tokenLimitExceeded ~= error {
          return "wait for the reset: \\(error.retry)"
        } catch let error where error.code == .tooManySimultaneousRequests {
          return "retry shortly: \\(error.category)"
        } catch {
          return "\\(error.category) \\(error.retry) \\(error.fault)"
        }
      }

      func everyProvider() -> Int {
        let tables: [[CatalogTable]] = [
          Wolkvox.tables, Dialog360.tables, Cequens.tables, Yeastar.tables, GENIQ.tables, WhatsApp.tables,
        ]
        let found: [[CatalogMatch]] = [
          Wolkvox.lookup("403"), Dialog360.lookup("131047"), Cequens.lookup("470"), Yeastar.lookup("10004"),
          GENIQ.lookup("10"), WhatsApp.lookup("131047"),
        ]
        return tables.count + found.count
      }

      func log(_ error: Yeastar.Error) throws -> String {
        String(decoding: try JSONEncoder().encode(error), as: UTF8.self)
      }

      func act(_ classification: Classification<GENIQ.Error>) -> String {
        switch classification {
        case .success(let success): return success.references.messageID ?? "-"
        case .partial(let error), .pending(let error): return error.description
        case .failure(let error):
          switch error.retry {
          case .backoff: return "backoff"
          case .afterReset, .afterReauth, .afterFix: return "later"
          case .never, .notNeeded: return "stop"
          @unknown default: return "look"
          }
        @unknown default: return "look"
        }
      }
      """
    let result = try ClientCompiler.typecheck(source)
    #expect(result.status == 0, "\(result.output)")
    #expect(!result.output.contains("warning"), "\(result.output)")
  }

  @Test("The generator's output for one table that shares Meta's codes compiles, docs shaped for DocC")
  func singleTableWithSharesCompiles() throws {
    let url = PackagePaths.root.appendingPathComponent("Tests/Fixtures/single-table-shares.json")
    let catalog = try JSONDecoder().decode(CatalogFile.self, from: Data(contentsOf: url))
    try Generator.validate(catalog, file: "single-table-shares.json")
    let generated = Generator.render(catalog, file: "single-table-shares.json")
    let source = "public enum Fixture {}\n" + generated.replacingOccurrences(of: "public import", with: "import")
    let result = try ClientCompiler.typecheck(source, moduleName: "Fixture", insidePackage: true)
    #expect(result.status == 0, "\(result.output)")
    // The case's doc comment: summary (opening with the code, which a documentation search finds), second
    // paragraph, code and escaped message, classification, tip.
    let expected = [
      "/// Code `418`: A message with Markdown characters, which the doc comment must escape.",
      "///",
      "/// A second paragraph, which must stay a paragraph.",
      "///",
      ##"/// Fixture code `418` with HTTP 418: “THE \*PAYLOAD\* IS \[NOT\] \<ALLOWED\> \#1”"##,
      "///",
      "/// Category `invalidRequest`, retry `afterFix`, fault `caller`.",
      "///",
      "/// > Tip: Send something else.",
      "case starred",
    ]
    let lines = generated.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    let start = try #require(lines.firstIndex(of: expected[0]))
    #expect(Array(lines[start..<min(start + expected.count, lines.count)]) == expected)
  }
}
