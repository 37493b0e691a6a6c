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

/// The corrections of the December 2026 catalog audit (issue 22), as integration code meets them.
@Suite("Audit corrections (issue 22)")
struct AuditCorrectionsTests {
  static let allEntries = CrossProviderTests.allEntries

  @Test("Every entry that is not a success names a situation, or its catalog entry says why none fits")
  func everyFailureHasASituationOrAReason() throws {
    let catalogs = try Generator.loadCatalogs(in: PackagePaths.catalogs)
    var checked = 0
    for (file, catalog) in catalogs {
      for table in catalog.tables {
        for entry in table.entries where (entry.outcome ?? "failure") != "success" {
          checked += 1
          #expect(
            entry.situation != nil || entry.noSituation != nil,
            "\(file) \(table.id)/\(entry.name): no situation and no noSituation reason")
        }
      }
    }
    #expect(checked > 350)
  }

  @Test("An expired message is never resent automatically, whichever provider reports it")
  func expiryIsFinal() throws {
    let expired = Self.allEntries.filter { $0.situation == .messageExpired }
    #expect(Set(expired.map(\.provider)).isSuperset(of: [.whatsapp, .cequens, .geniq]))
    for entry in expired { #expect(entry.retry == .never, "\(entry)") }

    let meta = try #require(
      WhatsApp.classifyWebhook(body: WhatsApp.Code.messageExpired.sample.body).first?.error)
    #expect(meta.code == .messageExpired)
    #expect(meta.retry == .never)
    #expect(meta.situation == .messageExpired)
    #expect(RetryPolicy.standard.decision(for: meta, attempt: 1) == .stop(.never))

    let cequens = try #require(
      Cequens.classifyWebhook(body: Cequens.WhatsAppCode.messageExpired.sample.body).first?.error)
    #expect(cequens.retry == .never)
    #expect(cequens.situation == .messageExpired)
  }

  @Test("A delivery-report reason never asks for an automatic backoff", arguments: GENIQ.ReasonCode.allCases)
  func noReportReasonBacksOff(reason: GENIQ.ReasonCode) {
    #expect(reason.entry.retry != .backoff, "\(reason.entry)")
  }

  /// A failure report with this status and reason, as a GET callback's query string.
  static func report(status: String, reason: String) -> String {
    "messageId=43BC206B4610B25F41E7C3E050035473&channel=sms&recipient=6588880000&status=\(status)&reasonCode=\(reason)"
  }

  /// The `reasonRule` of each GENIQ status entry, as `Catalogs/geniq.json` states it (read as data, not
  /// through the generated Swift).
  static func catalogReasonRules() throws -> [String: String] {
    let data = try Data(contentsOf: PackagePaths.catalogs.appendingPathComponent("geniq.json"))
    let catalog = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let tables = try #require(catalog["tables"] as? [[String: Any]])
    let status = try #require(tables.first { $0["id"] as? String == "status" })
    var rules: [String: String] = [:]
    for entry in try #require(status["entries"] as? [[String: Any]]) {
      if let name = entry["name"] as? String, let rule = (entry["reasonRule"] as? [String: Any])?["rule"] as? String {
        rules[name] = rule
      }
    }
    return rules
  }

  @Test(
    "Status and reason combine as the catalog's rule says, and a reason never loosens the retry, for every pair",
    arguments: GENIQ.ReportStatus.allCases.filter { $0.entry.outcome == .failure })
  func reasonNeverLoosensStatus(status: GENIQ.ReportStatus) throws {
    let order: [Retry] = [.notNeeded, .backoff, .afterReauth, .afterReset, .afterFix, .never]
    func strictness(_ retry: Retry) -> Int { order.firstIndex(of: retry) ?? -1 }
    // Every failure status says how a reason combines with it.
    let rule = try #require(try Self.catalogReasonRules()[status.rawValue], "\(status) has no reasonRule")
    #expect(["statusDecides", "stricterReasonReplaces"].contains(rule))
    for reason in GENIQ.ReasonCode.allCases where reason.entry.outcome == .failure {
      let error = try #require(
        GENIQ.classifyReport(body: Self.report(status: status.entry.code, reason: reason.entry.code)).error)
      #expect(strictness(error.retry) >= strictness(status.entry.retry), "\(status) + \(reason): \(error.retry)")
      #expect(error.retry != .backoff, "\(status) + \(reason)")
      // The reason's entry when the rule lets a reason replace the status and it is at least as strict.
      let expected: GENIQ.Code =
        rule == "stricterReasonReplaces" && strictness(reason.entry.retry) >= strictness(status.entry.retry)
        ? .reason(reason) : .status(status)
      #expect(error.code == expected, "\(status) + \(reason)")
      #expect(error.rawCode == reason.entry.code)
      #expect(error.parameters["reasonCode"] == reason.entry.code)
    }
  }

  @Test("Every report status says how a reason combines with it; a success or a step under way stays what it is")
  func everyStatusHasARule() throws {
    let rules = try Self.catalogReasonRules()
    for status in GENIQ.ReportStatus.allCases {
      let rule = try #require(rules[status.rawValue], "\(status) has no reasonRule")
      guard status.entry.outcome != .failure else { continue }
      #expect(rule == "statusDecides", "\(status)")
      for reason in GENIQ.ReasonCode.allCases where reason.entry.outcome == .failure {
        let result = GENIQ.classifyReport(body: Self.report(status: status.entry.code, reason: reason.entry.code))
        #expect(result.outcome == status.entry.outcome, "\(status) + \(reason)")
      }
    }
  }

  @Test("status=expired&reasonCode=8 stays expired: never resent, the reason only in the parameters")
  func expiredWithSubscriberAbsent() throws {
    for reason in ["8", "11", "12", "13"] {
      let error = try #require(GENIQ.classifyReport(body: Self.report(status: "expired", reason: reason)).error)
      #expect(error.code == .status(.expired))
      #expect(error.retry == .never)
      #expect(error.situation == .messageExpired)
      #expect(error.parameters["reasonCode"] == reason)
    }
    let json = #"{"messageId":"m1","channel":"sms","status":"expired","reasonCode":"8"}"#
    #expect(GENIQ.classifyReport(body: json).error?.retry == .never)
  }

  @Test("Meta's hour-window limits wait for the reset instead of backing off")
  func hourWindowLimits() throws {
    for code in ["4", "17", "80007", "80008", "133015", "134101"] {
      let entry = try #require(WhatsApp.Code.table.match(code: code)).entry
      #expect(entry.retry == .afterReset, "\(code)")
    }
    for code in GENIQ.TemplateCode.allCases where ["4", "80007"].contains(code.entry.code) {
      #expect(code.entry.retry == .afterReset)
    }
  }

  @Test("A user in Meta's experiment is nobody's fault and can be messaged inside a service window")
  func experiment() throws {
    let meta = WhatsApp.Code.userInExperiment.entry
    let cequens = Cequens.WhatsAppCode.userInExperiment.entry
    for entry in [meta, cequens] {
      #expect(entry.retry == .afterFix)
      #expect(entry.fault == .provider)
      #expect(entry.situation == .recipientInExperiment)
    }
  }

  @Test("GENIQ's template 0 and 190 are Meta's token held by GENIQ: the provider must act")
  func geniqHeldToken() {
    for code in [GENIQ.TemplateCode.accessTokenRevoked, .accessTokenExpired] {
      #expect(code.entry.retry == .afterFix)
      #expect(code.entry.fault == .provider)
    }
  }

  @Test("A variant of a code is found by its message; the code with another message keeps the main entry")
  func variants() throws {
    func graph(_ code: Int, _ message: String, status: Int = 400) -> WhatsApp.Error? {
      let body = #"{"error":{"message":"(#\#(code)) \#(message)","type":"OAuthException","code":\#(code)}}"#
      return WhatsApp.classify(status: status, body: body).error
    }
    let json = try #require(graph(139001, "Error while processing Flow JSON", status: 500))
    #expect(json.code == .flowJSONProcessingFailed)
    #expect(json.retry == .backoff)
    #expect(graph(139001, "Flow can't be updated")?.code == .flowCannotBeUpdated)
    #expect(graph(139001, "Something Meta words differently")?.code == .flowCannotBeUpdated)
    let deprecated = try #require(graph(139003, "Flow is already deprecated"))
    #expect(deprecated.code == .flowAlreadyDeprecated)
    #expect(deprecated.retry == .notNeeded)
    #expect(graph(139003, "Can't deprecate unpublished Flow")?.code == .flowCannotBeDeprecated)

    let noToken = try #require(graph(200, "Provide valid app ID"))
    #expect(noToken.code == .noAccessToken)
    #expect(noToken.fault == .caller)
    #expect(graph(200, "Permissions error", status: 403)?.code == .apiPermission)
    let inRange = try #require(graph(230, "Requires pages_messaging permission", status: 403))
    #expect(inRange.code == .apiPermission)
    #expect(inRange.fault == .account)
  }

  @Test("Graph's 613 is any custom rate limit, not only the call-permission endpoint's")
  func genericRateLimit613() throws {
    let body =
      #"{"error":{"message":"(#613) Calls to this api have exceeded the rate limit.","type":"OAuthException","code":613}}"#
    let error = try #require(WhatsApp.classify(status: 400, body: body).error)
    #expect(error.code == .callPermissionFetchLimitHit)
    #expect(error.situation == .rateLimited)
    #expect(!error.entry!.explanation.hasPrefix("The app asked the call-permission"))
  }

  @Test("Unspecified failures are classified alike everywhere and not resent automatically")
  func unspecifiedFailures() {
    let entries = Self.allEntries.filter { $0.situation == .unspecifiedFailure }
    #expect(Set(entries.map(\.provider)).isSuperset(of: [.geniq, .yeastar, .wolkvox, .cequens]))
    for entry in entries {
      #expect(entry.category == .unknown, "\(entry)")
      #expect(entry.retry == .afterFix, "\(entry)")
      #expect(entry.fault == .unknown, "\(entry)")
    }
  }

  @Test("Wolkvox's VALIDATE DATES ENTERED is an empty result, as NO DATA FOUND is")
  func emptyResults() {
    for message in ["VALIDATE DATES ENTERED", "NO DATA FOUND"] {
      let body = #"{"code":404,"error":"NOT FOUND","msg":"\#(message)"}"#
      #expect(Wolkvox.classify(status: 404, body: body).outcome == .success, "\(message)")
    }
  }

  @Test(
    "Codes added for issue 22 are recognized",
    arguments: [
      "17", "102", "104", "192", "341", "200002",
      "138019", "138020", "138021", "138022", "138023", "2593107", "2593108",
    ])
  func newMetaCodes(code: String) throws {
    let entry = try #require(WhatsApp.Code.table.match(code: code)).entry
    #expect(entry.code == code)
  }

  @Test("Yeastar 10009 OPERATION FAILED is recognized")
  func yeastarOperationFailed() throws {
    let error = try #require(
      Yeastar.classify(status: 200, body: #"{"errcode":10009,"errmsg":"OPERATION FAILED"}"#).error)
    #expect(error.code == .operationFailed)
    #expect(error.retry == .afterFix)
  }

  @Test("Meta's subcodes 200005-200007 and 2593107-2593108 are catalogued")
  func newSubcodes() {
    let codes = Set(WhatsApp.subcodes.map(\.code))
    #expect(codes.isSuperset(of: ["200005", "200006", "200007", "2593107", "2593108"]))
  }

  @Test("360dialog recognizes the On-Premise codes its tables lacked, 1021 Bad user among them")
  func dialog360OnPremise() throws {
    let body = #"{"meta":{"api_status":"stable","version":"2.41.3"},"errors":[{"code":1021,"title":"Bad user"}]}"#
    let error = try #require(Dialog360.classify(status: 400, body: body).error)
    #expect(error.code == .api(.recipientIsSender))
    #expect(error.provider == .dialog360)
    let expired = try #require(
      Dialog360.classifyWebhook(body: Dialog360.WebhookCode.messageExpired.sample.body).first?.error)
    #expect(expired.retry == .never)
    #expect(expired.situation == .messageExpired)
  }
}
