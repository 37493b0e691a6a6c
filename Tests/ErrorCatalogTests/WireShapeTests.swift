import CatalogGenerator
import Cequens
import Dialog360
import ErrorCatalog
import Foundation
import Testing
import WhatsApp

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

  /// One identifier or parameter of a table's `wire` under one of its names (and, when the field has
  /// holders, inside one of them), beside the code and message of the table's first plain entry.
  struct FieldCase: CustomTestStringConvertible, Sendable {
    var provider: String
    var code: String
    var message: String
    var codeName: String
    var messageName: String
    var isReference: Bool
    var key: String
    var name: String
    var holder: String?
    var list: String?
    var testDescription: String {
      "\(provider): \(isReference ? "references" : "parameters")[\(key)] from \(holder.map { "\($0)." } ?? "")\(name)"
    }
  }

  static let fieldCases: [FieldCase] = {
    guard let catalogs = try? Generator.loadCatalogs(in: PackagePaths.catalogs) else { return [] }
    var cases: [FieldCase] = []
    for (_, catalog) in catalogs {
      for table in catalog.tables {
        guard let wire = table.wire,
          let entry = Self.cases.first(where: { $0.table == table.id && $0.provider == catalog.provider })
        else { continue }
        for (isReference, fields) in [(true, wire.references ?? []), (false, wire.parameters ?? [])] {
          for field in fields {
            for holder in [nil] + (field.holders ?? []).map(Optional.some) {
              for name in field.names {
                cases.append(
                  FieldCase(
                    provider: catalog.provider, code: entry.code, message: entry.message, codeName: wire.code[0],
                    messageName: wire.message[0], isReference: isReference, key: field.key, name: name,
                    holder: holder, list: field.list))
              }
            }
          }
        }
      }
    }
    return cases
  }()

  @Test("The identifiers and parameters of Wolkvox's, Yeastar's and GENIQ's envelopes are catalog data")
  func fieldsDescribed() {
    let described = Set(Self.fieldCases.filter(\.isReference).map(\.provider))
    #expect(described.isSuperset(of: ["wolkvox", "yeastar", "geniq"]))
  }

  @Test(
    "Each name of a wire's identifiers and parameters is read, in each holder; a name not listed is not",
    arguments: fieldCases)
  func everyFieldNameIsRead(_ fieldCase: FieldCase) throws {
    let adapter = try #require(ProviderAdapter.named(fieldCase.provider))
    let code = Int(fieldCase.code).map { "\($0)" } ?? "\"\(fieldCase.code)\""
    func classify(_ name: String, _ value: String) throws -> (any ProviderError) {
      let member = #""\#(name)":\#(value)"#
      let field = fieldCase.holder.map { #""\#($0)":{\#(member)}"# } ?? member
      let body = #"{"\#(fieldCase.codeName)":\#(code),"\#(fieldCase.messageName)":"\#(fieldCase.message)",\#(field)}"#
      let status = Int(fieldCase.code).flatMap { (400..<600).contains($0) ? $0 : nil } ?? 200
      return try #require(adapter.classify(.response, status, [:], Array(body.utf8)).errors.first, "\(body)")
    }
    func read(_ error: any ProviderError) -> String? {
      fieldCase.isReference ? error.references[fieldCase.key] : error.parameters[fieldCase.key]
    }
    // A list field reads an array of ids; the others one value.
    let (value, wanted): (String, String) =
      switch fieldCase.list {
      case "first": (#"["v-1","v-2"]"#, "v-1")
      case "all", "several": (#"["v-1","v-2"]"#, "v-1,v-2")
      default: (#""v-1""#, "v-1")
      }
    #expect(read(try classify(fieldCase.name, value)) == wanted)
    #expect(read(try classify(fieldCase.name + "X", value)) == nil)
  }

  @Test(
    "Cequens' identifiers are its catalog's `envelope`: each is read under each of its names, on a failure and a success"
  )
  func cequensEnvelopeFieldsAreData() throws {
    let catalog = try Generator.loadCatalogs(in: PackagePaths.catalogs).first { $0.catalog.provider == "cequens" }
    let envelope = try #require(catalog?.catalog.envelope)
    let adapter = try #require(ProviderAdapter.named("cequens"))
    #expect(!(envelope.references ?? []).isEmpty)
    for (isReference, fields) in [(true, envelope.references ?? []), (false, envelope.parameters ?? [])] {
      for field in fields {
        for name in field.names + [field.names[0] + "X"] {
          let listed = field.names.contains(name)
          // replyCode 1 is a failure of Cequens' envelope, 0 its success.
          for replyCode in [1, 0] {
            let body = #"{"replyCode":\#(replyCode),"\#(name)":"v-1"}"#
            let result = adapter.classify(.response, replyCode == 0 ? 200 : 400, [:], Array(body.utf8))
            let read: String?
            if let error = result.errors.first {
              #expect(replyCode == 1, "\(body)")
              read = isReference ? error.references[field.key] : error.parameters[field.key]
            } else {
              #expect(replyCode == 0, "\(body)")
              guard isReference else { continue }
              read = result.references[field.key]
            }
            #expect(read == (listed ? "v-1" : nil), "\(field.key) from \(body)")
          }
        }
      }
    }
  }

  @Test("GENIQ's delivery reports are catalog data: every name of `report` is read, as JSON and as a query string")
  func geniqReportNamesAreData() throws {
    let catalog = try Generator.loadCatalogs(in: PackagePaths.catalogs).first { $0.catalog.provider == "geniq" }
    let report = try #require(catalog?.catalog.report)
    let adapter = try #require(ProviderAdapter.named("geniq"))
    func classify(_ pairs: [(String, String)], json: Bool) -> ProviderAdapter.Result {
      let body =
        json
        ? "{" + pairs.map { #""\#($0.0)":"\#($0.1)""# }.joined(separator: ",") + "}"
        : pairs.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
      return adapter.classify(.report, nil, [:], Array(body.utf8))
    }
    // The status and the reason decide under each of their names.
    for json in [true, false] {
      for status in report.status {
        for reason in report.reason {
          let result = classify([(status, "failed"), (reason, "3")], json: json)
          #expect(result.errors.first?.entry?.code == "3", "\(status), \(reason), json: \(json)")
        }
        #expect(classify([(status, "delivered")], json: json).errors.isEmpty)
      }
      // A status under a name not listed is not read: the reason alone decides.
      let unlisted = classify([("state", "delivered"), ("reasonCode", "3")], json: json)
      #expect(unlisted.errors.first?.entry?.code == "3")
      // Each field, under each of its names, beside a failure; a name not listed is not read.
      for (isReference, fields) in [(true, report.references ?? []), (false, report.parameters ?? [])] {
        for field in fields {
          for name in field.names + ["x" + field.names[0]] {
            var pairs = [("status", "failed"), ("reasonCode", "3")]
            pairs.removeAll { field.names.contains($0.0) }
            pairs.append((name, " v-1 "))
            let error = try #require(classify(pairs, json: json).errors.first, "\(pairs)")
            let read = isReference ? error.references[field.key] : error.parameters[field.key]
            #expect(read == (field.names.contains(name) ? "v-1" : nil), "\(field.key) from \(name), json: \(json)")
          }
        }
      }
    }
  }

  @Test("No provider module spells a member name: every name its rules read is in its catalog")
  func providerModulesSpellNoMemberName() throws {
    let catalogs = try Generator.loadCatalogs(in: PackagePaths.catalogs).map(\.catalog)
    // A member looked up by a literal (`member("code")`, `member(["a", "b"])`) or a shape built from literals.
    let spelt = try NSRegularExpression(pattern: #"member\(\[?"|Names\("|\.init\("[A-Za-z_]+"\)"#)
    var checked = 0
    for module in Set(catalogs.map(\.module)) {
      let folder = PackagePaths.root.appendingPathComponent("Sources/\(module)")
      for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".swift") {
        let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        checked += 1
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
          let line = String(line)
          guard !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") else { continue }
          let range = NSRange(line.startIndex..., in: line)
          #expect(spelt.firstMatch(in: line, range: range) == nil, "Sources/\(module)/\(file):\(number + 1): \(line)")
        }
      }
    }
    #expect(checked >= catalogs.count)
  }

  @Test("A lookup by a shape's names finds what a lookup by their strings finds, on every random object")
  func namesLookUpAsStrings() {
    let names = WireShape.Names("reasonCode", "reason_code", "code")
    let keys = ["reasonCode", "REASONCODE", "reason_code", "Reason_Code", "code", "CODE", "reasonCod", "codes", ""]
    var state: UInt64 = 0x2545_F491_4F6C_DD1D
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    for round in 0..<2_000 {
      let members = (0..<next(6)).map { index in
        (key: keys[next(keys.count)], value: JSONValue.number("\(round * 10 + index)"))
      }
      let object = JSONValue.object(members)
      #expect(object.member(names) == object.member(names.keys), "\(members.map(\.key))")
    }
    #expect(JSONValue.array([]).member(names) == nil)
  }

  @Test("Which table a webhook's code is looked up in first is whatsapp.json's `webhook.lookup`, per envelope")
  func webhookLookupOrderIsData() throws {
    let catalog = try Generator.loadCatalogs(in: PackagePaths.catalogs).first { $0.catalog.provider == "whatsapp" }
    let lookup = try #require(catalog?.catalog.webhook?.lookup)
    let shape = WhatsApp.webhookShape
    #expect(shape.cloudAPISharedFirst == (lookup.cloudAPI.first == "shared"))
    #expect(shape.onPremiseSharedFirst == (lookup.onPremise.first == "shared"))
    // Two tables that share code 470 (360dialog's webhook table and Cequens' WhatsApp table) tell the order
    // apart: the entry found is the first table's.
    let bodies = [
      (
        cloudAPI: true,
        #"{"entry":[{"changes":[{"value":{"statuses":[{"id":"w1","status":"failed","errors":[{"code":470}]}]}}]}]}"#
      ),
      (cloudAPI: false, #"{"statuses":[{"id":"w1","status":"failed","errors":[{"code":470}]}]}"#),
    ]
    for flipped in [false, true] {
      let used = WebhookShape(
        statuses: shape.statuses, errors: shape.errors, contacts: shape.contacts, entry: shape.entry,
        changes: shape.changes, value: shape.value, messages: shape.messages, status: shape.status, id: shape.id,
        recipient: shape.recipient, timestamp: shape.timestamp, conversation: shape.conversation,
        sender: shape.sender, items: shape.items,
        cloudAPISharedFirst: shape.cloudAPISharedFirst != flipped,
        onPremiseSharedFirst: shape.onPremiseSharedFirst != flipped)
      for (cloudAPI, body) in bodies {
        var found: ProviderID?
        _ = used.forEachEventDecision(
          in: ResponseBody(body), own: Dialog360.WebhookCode.table, shared: Cequens.WhatsAppCode.table, subcodes: []
        ) { _, event in found = event.decision?.match?.entry.provider }
        let sharedFirst = cloudAPI ? used.cloudAPISharedFirst : used.onPremiseSharedFirst
        #expect(found == (sharedFirst ? .cequens : .dialog360), "cloudAPI: \(cloudAPI), flipped: \(flipped)")
      }
    }
  }

  @Test("A name the catalog does not list is not read")
  func unlistedNamesAreNot() throws {
    let body = #"{"errorcode":10004,"errormessage":"TOKEN EXPIRED"}"#
    let error = try #require(
      ProviderAdapter.named("yeastar")?.classify(.response, 200, [:], Array(body.utf8)).errors.first)
    #expect(error.entry == nil)
    #expect(error.rawCode == nil)
  }

  /// WhatsApp's item shape with `code` also read under `alias`.
  static func itemShape(codeAlias alias: StaticString) -> ErrorItemShape {
    let meta = WhatsApp.itemShape
    return ErrorItemShape(
      code: .init("code", alias), title: meta.title, message: meta.message, errorData: meta.errorData,
      details: meta.details, subcode: meta.subcode, transient: meta.transient, userTitle: meta.userTitle,
      userMessage: meta.userMessage, traceID: meta.traceID, href: meta.href, type: meta.type,
      container: meta.container, wrapper: meta.wrapper, itemMarkers: meta.itemMarkers, list: meta.list)
  }

  @Test("360dialog's gateway is catalog data: its `meta` names are 360dialog.json's `gateway`, every spelling read")
  func gatewayNamesAreData() throws {
    let catalog = try Generator.loadCatalogs(in: PackagePaths.catalogs).first { $0.catalog.provider == "360dialog" }
    let gateway = try #require(catalog?.catalog.gateway)
    let shape = Dialog360.gatewayShape
    for (names, wanted) in [
      (shape.container, gateway.container), (shape.code, gateway.code), (shape.message, gateway.message),
      (shape.success, gateway.success),
    ] {
      #expect(names.keys == wanted)
    }
    // Every pairing of the code's and the message's spellings gives the same error.
    let entry = Dialog360.APICode.internalServerError.entry
    for code in gateway.code {
      for message in gateway.message {
        let body =
          #"{"\#(gateway.container[0])":{"\#(code)":\#(entry.code),"\#(message)":"\#(entry.message)","success":false}}"#
        let error = try #require(Dialog360.classify(status: 500, body: body).error, "\(body)")
        #expect(error.entry == entry, "\(body)")
        #expect(error.rawCode == entry.code, "\(body)")
      }
    }
  }

  @Test("Meta's error item is catalog data: the names the walk reads are whatsapp.json's `items`")
  func metaItemNamesAreData() throws {
    let catalog = try Generator.loadCatalogs(in: PackagePaths.catalogs).first { $0.catalog.provider == "whatsapp" }
    let items = try #require(catalog?.catalog.items)
    let shape = WhatsApp.itemShape
    for (names, wanted) in [
      (shape.code, items.code), (shape.message, items.message), (shape.container, items.container),
      (shape.wrapper, items.wrapper), (shape.itemMarkers, items.itemMarkers), (shape.details, items.details),
      (shape.list, items.list),
    ] {
      #expect(names.keys == wanted)
    }
    // A name added to the shape is read, in every place the item can be; a name not in it is not.
    let bodies = [
      #"{"error":{"errorCode":131047,"message":"(#131047) Re-engagement message"}}"#,
      #"{"detail":{"error":{"errorCode":131047,"message":"(#131047) Re-engagement message"}}}"#,
      #"{"errorCode":131047,"message":"(#131047) Re-engagement message","fbtrace_id":"A1"}"#,
    ]
    for body in bodies {
      let withAlias = Self.itemShape(codeAlias: "errorCode").graphDecision(
        in: ResponseBody(body), table: WhatsApp.Code.table, subcodes: WhatsApp.subcodes)
      #expect(withAlias.decision?.match?.entry.code == "131047", "\(body)")
      #expect(withAlias.decision?.code == "131047", "\(body)")
      let without = WhatsApp.itemShape.graphDecision(
        in: ResponseBody(body), table: WhatsApp.Code.table, subcodes: WhatsApp.subcodes)
      #expect(without.isJSON && without.decision == nil, "\(body)")
    }
  }

  @Test("Meta's webhook envelope is catalog data: the names the walk reads are whatsapp.json's `webhook`")
  func metaWebhookNamesAreData() throws {
    let catalog = try Generator.loadCatalogs(in: PackagePaths.catalogs).first { $0.catalog.provider == "whatsapp" }
    let webhook = try #require(catalog?.catalog.webhook)
    let shape = WhatsApp.webhookShape
    for (names, wanted) in [
      (shape.statuses, webhook.statuses), (shape.errors, webhook.errors), (shape.entry, webhook.entry),
      (shape.changes, webhook.changes), (shape.value, webhook.value), (shape.messages, webhook.messages),
      (shape.status, webhook.status), (shape.recipient, webhook.recipient),
    ] {
      #expect(names.keys == wanted)
    }
    let answer = try #require(catalog?.catalog.answer)
    let read = WhatsApp.answerShape
    for (names, wanted) in [
      (read.messages, answer.messages), (read.messageID, answer.messageID), (read.contacts, answer.contacts),
      (read.recipient, answer.recipient), (read.recipientInput, answer.recipientInput),
    ] {
      #expect(names.keys == wanted)
    }
    // The send answer's identifiers are read in place from those names, on success and beside an error.
    let sent =
      #"{"messaging_product":"whatsapp","contacts":[{"input":"+1 555 000","wa_id":"1555000"}],"messages":[{"id":"wamid.A","message_status":"accepted"}]}"#
    let success = WhatsApp.classify(status: 200, body: sent)
    #expect(success.outcome == .success)
    #expect(success.references.messageID == "wamid.A")
    #expect(success.references["recipient"] == "1555000")
    #expect(success.references["status"] == "accepted")
  }
}
