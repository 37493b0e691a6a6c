import Cequens
import Dialog360
import ErrorCatalog
import ErrorCatalogFoundation
import Foundation
import GENIQ
import Testing
import WhatsApp
import Wolkvox
import Yeastar

/// What keeps the core light to link: no Foundation, no Regex, no API newer than the declared platforms.
/// Scripts/footprint.sh measures the sizes these rules buy; these tests keep the rules.
@Suite("Footprint")
struct FootprintTests {
  static let lightModules = ["ErrorCatalog", "Wolkvox", "Dialog360", "Cequens", "Yeastar", "GENIQ", "WhatsApp"]

  /// Every Swift file of the core and provider modules, generated ones included.
  static func sources(_ modules: [String] = lightModules) throws -> [(path: String, text: String)] {
    var files: [(String, String)] = []
    for module in modules {
      let directory = PackagePaths.root.appendingPathComponent("Sources/\(module)")
      let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
      while let url = enumerator?.nextObject() as? URL {
        guard url.pathExtension == "swift" else { continue }
        files.append(("\(module)/\(url.lastPathComponent)", try String(contentsOf: url, encoding: .utf8)))
      }
    }
    return files
  }

  @Test("The core and provider modules import no Foundation and no Regex module")
  func noFoundationImport() throws {
    let files = try Self.sources()
    #expect(files.count > 40)
    let forbidden = [
      "Foundation", "FoundationEssentials", "FoundationInternationalization", "RegexBuilder",
      "_StringProcessing",
    ]
    for (path, text) in files {
      for line in text.split(separator: "\n") {
        let words = line.split(separator: " ").map(String.init)
        guard let at = words.firstIndex(of: "import"), at + 1 < words.count else { continue }
        #expect(!forbidden.contains(words[at + 1]), "\(path): \(line)")
      }
    }
  }

  @Test("No API that needs a newer OS than the declared platforms (macOS 13, iOS 16), in any library module")
  func noNewerAPI() throws {
    // Each of these needs macOS 14 or later (`String(validating:as:)` macOS 15); `UTF8Text` stands in for it.
    let newer = [
      "String(validating:", "import Synchronization", "Mutex<", "Atomic<", "InlineArray<", "Span<",
      "UTF8Span",
    ]
    for (path, text) in try Self.sources(Self.lightModules + ["ErrorCatalogFoundation", "ErrorCatalogTesting"]) {
      let code = text.split(separator: "\n").filter { !$0.drop { $0 == " " }.hasPrefix("//") }.joined()
      for name in newer { #expect(!code.contains(name), "\(path) uses \(name)") }
    }
  }

  @Test("With ErrorCatalogFoundation linked, an error's localizedDescription is its catalog message")
  func localizedDescription() throws {
    let outcome = Wolkvox.classify(status: 403, body: #"{"code":403,"msg":"TOKEN LIMIT EXCEEDED"}"#)
    let error = try #require(outcome.error)
    let described = (error as any Error).localizedDescription
    #expect(described == error.errorDescription)
    #expect(described.contains("TOKEN LIMIT EXCEEDED"))
    let localized = try #require((error as any Error) as? any LocalizedError)
    #expect(localized.recoverySuggestion == error.recoverySuggestion)
    #expect(localized.failureReason == error.entry?.explanation)
  }

  @Test(
    "Body shapes are told apart by bytes: HTML in any case, binary, and UTF-8 text with U+FFFD in it",
    arguments: [
      ("<!DOCTYPE HTML><p>Bad gateway</p>", ResponseBody.Shape.html),
      ("  <HTML><Title>502</Title>", .html),
      ("Service Unavailable \u{FFFD}", .text),
      ("plain text", .text),
    ])
  func shapes(body: String, shape: ResponseBody.Shape) {
    #expect(ResponseBody(Array(body.utf8)).shape == shape)
  }

  @Test("Invalid UTF-8 (a lone continuation byte, an overlong form, a surrogate) is binary")
  func invalidUTF8IsBinary() {
    let invalid: [[UInt8]] = [[0x61, 0x80, 0x62], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80]]
    for bytes in invalid {
      #expect(ResponseBody(bytes).shape == .binary, "\(bytes)")
    }
  }

  @Test("A WhatsApp subcode that shares its number is still told apart by its message")
  func subcodeByMessage() throws {
    // Meta documents some subcode numbers with more than one message; the answer's text picks one.
    let shared = Dictionary(grouping: WhatsApp.subcodes, by: { "\($0.parentCode ?? "") \($0.code)" })
      .values.first { $0.count > 1 }
    let pair = try #require(shared, "the catalog has a subcode number with two messages")
    for subcode in pair {
      let found = CatalogSubcode.match(
        subcode.code, parentCode: subcode.parentCode, texts: ["Error: \(subcode.message)."],
        in: WhatsApp.subcodes)
      #expect(found == subcode)
    }
  }

  @Test("The one-pass lookup key tables build at start-up is the lookup key, for every message and odd text")
  func lookupKeyBytes() {
    let tables = [Wolkvox.tables, Dialog360.tables, Cequens.tables, Yeastar.tables, GENIQ.tables, WhatsApp.tables]
    var messages = tables.joined().flatMap { $0.entries.flatMap { [$0.message] + $0.patterns } }
    messages += ["", " ", " \t a  b \r\n", "Done.", "x!;:,. ", "...", "é  Ünïcode  ok.", "a\u{0}b"]
    #expect(messages.count > 500)
    for message in messages {
      #expect(
        MessageNormalization.lookupKeyBytes(message) == Array(MessageNormalization.lookupKey(message).utf8),
        "\(message.debugDescription)")
    }
  }

  @Test("Every generated table's laid-out message keys are the keys its messages give at run time")
  func generatedLayoutIsCurrent() {
    let tables = [Wolkvox.tables, Dialog360.tables, Cequens.tables, Yeastar.tables, GENIQ.tables, WhatsApp.tables]
    #expect(tables.joined().count >= 14)
    for table in tables.joined() {
      let generated = table.messageIndex
      let computed = CatalogTable.Messages(table.entries)
      let name = "\(table.provider)/\(table.id)"
      #expect(generated.keys == computed.keys, "\(name)")
      #expect(generated.hashes == computed.hashes, "\(name)")
      #expect(generated.keyOfEntry == computed.keyOfEntry, "\(name)")
      #expect(generated.keyStarts == computed.keyStarts, "\(name)")
      let plain = CatalogTable(provider: table.provider, id: table.id, title: table.title, entries: table.entries)
      #expect(table.capturingEntries == plain.capturingEntries, "\(name)")
      #expect(table.codeLayout == CatalogTable.CodeLayout.layout(codes: table.entries.map { $0.code }), "\(name)")
      #expect(table.codeLayout == plain.codeLayout, "\(name)")
      #expect(table.ownMessageKeys == plain.ownMessageKeys, "\(name)")
      for id in computed.keys.indices {
        #expect(Array(generated.entries(ofKey: id)) == Array(computed.entries(ofKey: id)), "\(name) key \(id)")
      }
    }
  }

  @Test("A table built without a generated layout finds the same entries for every message and pattern")
  func tableWithoutLayout() throws {
    for table in WhatsApp.tables + Wolkvox.tables + GENIQ.tables {
      let plain = CatalogTable(provider: table.provider, id: table.id, title: table.title, entries: table.entries)
      for entry in table.entries {
        #expect(plain.match(message: entry.message)?.entry == table.match(message: entry.message)?.entry)
        #expect(plain.entries(forCode: entry.code) == table.entries(forCode: entry.code))
      }
    }
  }
}
