import CatalogGenerator
import Cequens
import Dialog360
import ErrorCatalogTesting
import Foundation
import GENIQ
import Testing
import WhatsApp
import Wolkvox
import Yeastar

@testable import ErrorCatalog

/// What integration code acts on unattended: how long to wait (and where that comes from) and whether a
/// resend can deliver a message twice.
@Suite("Advice: waits and delivery")
struct AdviceTests {
  static let rateLimit360 =
    #"{"meta":{"httpCode":400,"developerMessage":"You have exceeded the limit of 1 request every 5 seconds. Try again later.","success":false}}"#
  static let meta80007 =
    #"{"error":{"message":"(#80007) Rate limit issues","type":"OAuthException","code":80007,"fbtrace_id":"AbC"}}"#

  @Test("360dialog's rate-limit answer waits the seconds its message states, read from the body")
  func bodyWait() throws {
    let error = try #require(Dialog360.classify(status: 400, body: Self.rateLimit360).error)
    #expect(error.code == .api(.rateLimitExceeded))
    #expect(error.wait == RetryWait(seconds: 5, source: .body, kind: .minimum, origin: "seconds"))
    // A different period in the message gives that period.
    let slower = Self.rateLimit360.replacingOccurrences(of: "every 5 seconds", with: "every 60 seconds")
    #expect(Dialog360.classify(status: 400, body: slower).error?.wait?.seconds == 60)
  }

  @Test(
    "360dialog's rate-limit message is read with or without its closing sentence, singular or plural, in either key style",
    arguments: [
      ("You have exceeded the limit of 1 request every 5 seconds", 5),
      ("You have exceeded the limit of 1 request every 5 seconds. Try again later.", 5),
      ("You have exceeded the limit of 10 requests every 60 seconds", 60),
      ("You have exceeded the limit of 10 requests every 60 seconds. Try again later.", 60),
    ])
  func bodyWaitWordings(message: String, seconds: Int) throws {
    for body in [
      #"{"meta":{"httpCode":400,"developerMessage":"\#(message)","success":false}}"#,
      #"{"meta":{"success":false,"http_code":429,"developer_message":"\#(message)"}}"#,
    ] {
      let error = try #require(Dialog360.classify(status: 400, body: body).error)
      #expect(error.code == .api(.rateLimitExceeded), "\(body)")
      #expect(error.wait?.seconds == seconds, "\(body)")
      #expect(error.wait?.source == .body)
      // The policy never resends inside the stated period: a wait within its cap is a retry after at least
      // the wait, a longer one a scheduled wait for that long.
      switch RetryPolicy().decision(for: error, attempt: 1) {
      case .retry(let delay): #expect(delay >= .seconds(seconds) && seconds <= 30, "\(delay)")
      case .waitForReset(let delay): #expect(delay == .seconds(seconds) && seconds > 30, "\(String(describing: delay))")
      default: Issue.record("neither a retry nor a scheduled wait for \(body)")
      }
    }
  }

  @Test("Meta 80007 waits the minutes X-Business-Use-Case-Usage states; without the header, the hour window")
  func headerWait() throws {
    let usage =
      #"{"102290129340398":[{"type":"whatsapp_business_management","call_count":100,"total_cputime":3,"total_time":4,"estimated_time_to_regain_access":19},{"type":"whatsapp","call_count":12,"total_cputime":1,"total_time":1,"estimated_time_to_regain_access":0}]}"#
    for provider in ["whatsapp", "360dialog", "cequens"] {
      let error = try #require(
        Self.classify(provider, status: 400, headers: ["x-business-use-case-usage": usage], body: Self.meta80007))
      #expect(error.wait == RetryWait(seconds: 19 * 60, source: .header, origin: "X-Business-Use-Case-Usage"))
      let bare = try #require(Self.classify(provider, status: 400, headers: [:], body: Self.meta80007))
      #expect(bare.wait?.seconds == 3600, "\(provider)")
      #expect(bare.wait?.source == .catalog)
      #expect(bare.wait?.kind == .window)
    }
  }

  static func classify(
    _ provider: String, status: Int, headers: [String: String], body: String
  ) -> (any ProviderError)? {
    switch provider {
    case "whatsapp": WhatsApp.classify(status: status, headers: headers, body: Array(body.utf8)).error
    case "360dialog": Dialog360.classify(status: status, headers: headers, body: Array(body.utf8)).error
    default: Cequens.classify(status: status, headers: headers, body: Array(body.utf8)).error
    }
  }

  @Test("Errors that differ only in the wait a header states are not equal")
  func waitIsPartOfEquality() {
    let body = Array(Self.meta80007.utf8)
    let one = WhatsApp.classify(
      status: 400, headers: ["X-Business-Use-Case-Usage": #"{"1":[{"estimated_time_to_regain_access":1}]}"#], body: body
    )
    let two = WhatsApp.classify(
      status: 400, headers: ["X-Business-Use-Case-Usage": #"{"1":[{"estimated_time_to_regain_access":2}]}"#], body: body
    )
    #expect(one != two)
    #expect(Set([one, two, one]).count == 2)
  }

  @Test("Retry-After comes first, then a rate-limit header, then the body, then the catalog")
  func precedence() throws {
    let usage = #"{"1":[{"type":"whatsapp","estimated_time_to_regain_access":2}]}"#
    let both = try #require(
      WhatsApp.classify(
        status: 429, headers: ["Retry-After": "42", "X-Business-Use-Case-Usage": usage],
        body: Array(Self.meta80007.utf8)
      ).error)
    #expect(both.wait == RetryWait(seconds: 42, source: .retryAfter, origin: "Retry-After"))
    let header = try #require(
      Dialog360.classify(
        status: 400, headers: ["X-Business-Use-Case-Usage": usage], body: Array(Self.rateLimit360.utf8)
      )
      .error)
    #expect(header.wait?.source == .header)
    #expect(header.wait?.seconds == 120)
    // A header that says the limit is not reached (0 minutes) states no wait.
    let idle = #"{"1":[{"type":"whatsapp","estimated_time_to_regain_access":0}]}"#
    let body = try #require(
      Dialog360.classify(status: 400, headers: ["X-Business-Use-Case-Usage": idle], body: Array(Self.rateLimit360.utf8))
        .error)
    #expect(body.wait?.source == .body)
  }

  @Test(
    "Rate-limit headers are read as Meta writes them, odd quoting and repeated keys included",
    arguments: [
      // Meta's documented example: several business ids, one throttled.
      (
        "X-Business-Use-Case-Usage",
        #"{"66782684": [{"type": "ads_management", "call_count": 95, "total_cputime": 20, "total_time": 20, "estimated_time_to_regain_access": 0, "ads_api_access_tier": "development_access"}], "10153848260347724": [{"type": "ads_insights", "call_count": 97, "estimated_time_to_regain_access": 19}], "10153848260347724": [{"type": "pages", "estimated_time_to_regain_access": 3}]}"#,
        1140
      ),
      // Meta's X-Ad-Account-Usage example uses single quotes: not JSON, still read. Seconds, not minutes.
      (
        "X-Ad-Account-Usage",
        #"{"acc_id_util_pct": 9.67, "reset_time_duration": 100, "ads_api_access_tier": 'standard_access'}"#, 100
      ),
      ("X-Business-Use-Case-Usage", #"{"1":[{"estimated_time_to_regain_access":"7"}]}"#, 420),
      ("X-Business-Use-Case-Usage", #"{"1":[{"estimated_time_to_regain_access":2.5}]}"#, 180),
      (
        "X-Business-Use-Case-Usage", #"{"1":[{"estimated_time_to_regain_access":99999999999999999999}]}"#, 2_147_483_647
      ),
      ("X-Business-Use-Case-Usage", #"{"1":[{"estimated_time_to_regain_access":-5}]}"#, 0),
      ("X-Business-Use-Case-Usage", "estimated_time_to_regain_access", 0),
      ("X-App-Usage", #"{"call_count": 100, "total_time": 25, "total_cputime": 25}"#, 0),
    ])
  func headerFormats(name: String, value: String, seconds: Int) {
    let found = RateLimitHeaders.wait(in: [name: value])
    #expect((found?.seconds ?? 0) == seconds)
  }

  @Test("A long header is read in linear time and bounded")
  func longHeader() {
    let value = String(repeating: #"{"estimated_time_to_regain_access":1},"#, count: 100_000)
    #expect(RateLimitHeaders.wait(in: ["X-Business-Use-Case-Usage": value])?.seconds == 60)
  }

  @Test("Every documented wait is read: each entry with one classifies its own sample with that wait")
  func catalogWaits() throws {
    var count = 0
    for (entry, error) in Self.classifiedSamples() {
      guard let documented = entry.wait else { continue }
      count += 1
      let wait = try #require(error.wait, "\(entry)")
      if documented.parameter != nil {
        #expect(wait.source == .body, "\(entry)")
      } else {
        #expect(
          wait == RetryWait(seconds: documented.seconds!, source: .catalog, kind: documented.kind, origin: wait.origin))
      }
    }
    #expect(count >= 10)
  }

  /// Every catalog entry with the error its own sample classifies to (entries whose sample is a success
  /// are left out), with the provider call the entry's kind needs.
  static func classifiedSamples() -> [(CatalogEntry, any ProviderError)] {
    CrossProviderTests.allEntries.compactMap { entry in
      guard let error = CatalogSamples.classify(entry).first(where: { $0.entry == entry })?.error else { return nil }
      return (entry, error)
    }
  }

  @Test("A send that failed with a server error is not known to be rejected; a webhook failure was accepted")
  func deliveryOfAnswers() throws {
    // A 5xx: Meta may have accepted the message.
    let server = try #require(
      WhatsApp.classify(
        status: 500,
        body: #"{"error":{"message":"(#131000) Something went wrong","type":"OAuthException","code":131000}}"#
      ).error)
    #expect(server.delivery == .unknown)
    // A gateway's HTML page: unrecognized, outcome unknown.
    let gateway = try #require(
      Dialog360.classify(status: 502, body: "<html><title>502 Bad Gateway</title></html>").error)
    #expect(!gateway.isRecognized)
    #expect(gateway.delivery == .unknown)
    // A refusal with a reason: nothing was accepted.
    let refused = try #require(WhatsApp.classify(status: 400, body: Self.meta80007).error)
    #expect(refused.delivery == .rejected)
    // 131026 comes in webhooks (accepted, then failed) and also synchronously (refused).
    let sample = WhatsApp.Code.messageUndeliverable.entry.sample
    let webhook = try #require(WhatsApp.classifyWebhook(body: sample.body).first?.error)
    #expect(webhook.delivery == .acceptedThenFailed)
    let synchronous = try #require(
      WhatsApp.classify(
        status: 400,
        body: #"{"error":{"message":"(#131026) Message undeliverable","type":"OAuthException","code":131026}}"#
      ).error)
    #expect(synchronous.code == .messageUndeliverable)
    #expect(synchronous.delivery == .rejected)
    // A GENIQ delivery report is after acceptance, whatever its status.
    let report = try #require(GENIQ.classifyReport(body: "messageId=1&status=undeliverable&reasonCode=1").error)
    #expect(report.delivery == .acceptedThenFailed)
  }

  @Test("Every entry says what became of the request, with a reason, consistently with how it arrives")
  func everyEntryHasADelivery() {
    for (entry, error) in Self.classifiedSamples() {
      #expect(!entry.deliveryReason.isEmpty, "\(entry)")
      switch entry.sample.kind {
      case .webhook, .report:
        // Reported after acceptance: never "rejected", whatever the code.
        if entry.outcome == .failure { #expect(entry.delivery == .acceptedThenFailed, "\(entry)") }
      default:
        if entry.outcome == .failure { #expect(entry.delivery != .acceptedThenFailed, "\(entry)") }
      }
      if entry.outcome != .failure { #expect(entry.delivery == .notApplicable, "\(entry)") }
      #expect(error.delivery == (error.outcome == .failure ? entry.delivery : .notApplicable), "\(entry)")
    }
  }

  @Test("The wait and the delivery are in the JSON errcat prints and in the log attributes")
  func visible() throws {
    let error = try #require(Dialog360.classify(status: 400, body: Self.rateLimit360).error)
    let json = try #require(
      JSONSerialization.jsonObject(with: JSONEncoder().encode(error)) as? [String: Any])
    let wait = try #require(json["wait"] as? [String: Any])
    #expect(wait["seconds"] as? Int == 5)
    #expect(wait["source"] as? String == "body")
    #expect(json["delivery"] as? String == "rejected")
    #expect((json["deliveryReason"] as? String)?.isEmpty == false)
    #expect(error.logAttributes["errcat.wait"] == "5")
    #expect(error.logAttributes["errcat.wait_source"] == "body")
    #expect(error.logAttributes["errcat.delivery"] == "rejected")
  }

  @Test("A code inside a range is reported as the code that was sent, with the range's classification")
  func rangeKeepsTheSentCode() throws {
    let body = #"{"error":{"message":"(#230) Requires pages_messaging permission","type":"OAuthException","code":230}}"#
    let error = try #require(WhatsApp.classify(status: 403, body: body).error)
    #expect(error.code == .apiPermission)
    #expect(error.entry?.code == "200")
    #expect(error.reportedCode == "230")
    #expect(error.description.contains("(230)"))
    #expect(error.logAttributes["errcat.code"] == "230")
    let json = try #require(JSONSerialization.jsonObject(with: JSONEncoder().encode(error)) as? [String: Any])
    #expect(json["code"] as? String == "230")
    // The range's own code, and a code outside it, are reported as they are.
    #expect(
      WhatsApp.classify(status: 403, body: body.replacingOccurrences(of: "230", with: "200")).error?.reportedCode
        == "200")
    #expect(WhatsApp.classify(status: 400, body: Self.meta80007).error?.reportedCode == "80007")
  }

  @Test("Statuses are ordered, so duplicates and late statuses are dropped with one comparison")
  func progressOrder() throws {
    func status(_ id: String, _ word: String) -> String {
      let errors =
        word == "failed"
        ? #","errors":[{"code":131026,"title":"Message undeliverable","message":"Message undeliverable"}]"# : ""
      return #"{"id":"\#(id)","status":"\#(word)","timestamp":"1750263773","recipient_id":"573001234567"\#(errors)}"#
    }
    // Arrival order: delivered before sent, a duplicate read, and a second message that fails after sent.
    let arrivals = [
      status("wamid.A", "delivered"), status("wamid.A", "sent"), status("wamid.A", "read"), status("wamid.A", "read"),
      status("wamid.B", "sent"), status("wamid.B", "failed"), status("wamid.B", "delivered"),
    ]
    let body =
      #"{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"value":{"messaging_product":"whatsapp","statuses":["#
      + arrivals.joined(separator: ",") + #"]},"field":"messages"}]}]}"#
    for events in [
      Dialog360.classifyWebhook(body: body).map { ($0.references.messageID, $0.progress) },
      Cequens.classifyWebhook(body: body).map { ($0.references.messageID, $0.progress) },
      WhatsApp.classifyWebhook(body: body).map { ($0.references.messageID, $0.progress) },
    ] {
      var furthest: [String: MessageProgress] = [:]
      var acted: [String] = []
      for (id, progress) in events {
        guard let id, let progress else { continue }
        if let seen = furthest[id], progress <= seen { continue }
        furthest[id] = progress
        acted.append("\(id) \(progress)")
      }
      #expect(acted == ["wamid.A delivered", "wamid.A read", "wamid.B sent", "wamid.B failed"])
    }
    #expect(MessageProgress.accepted < .sent && .sent < .delivered && .delivered < .read && .read < .failed)
    // A synchronous answer has no progress.
    #expect(WhatsApp.classify(status: 400, body: Self.meta80007).progress == nil)
  }

  @Test(
    "GENIQ report statuses map onto the same order",
    arguments: [
      ("processed", MessageProgress.accepted), ("sent", .sent), ("delivered", .delivered), ("read", .read),
      ("undeliverable", .failed), ("rejected", .failed), ("expired", .failed), ("exceeded_retry", .failed),
      ("failed", .failed), ("deleted", .failed),
    ])
  func geniqProgress(status: String, progress: MessageProgress) {
    let report = GENIQ.classifyReport(body: "messageId=5A1F&channel=sms&status=\(status)&reasonCode=0")
    #expect(report.progress == progress)
    #expect(report.references.messageID == "5A1F")
  }

  /// Entries whose catalog names them in a delivery rule of their own, with its reason.
  static let namedDeliveryExceptions: Set<String> = {
    guard let catalogs = try? Generator.loadCatalogs(in: PackagePaths.catalogs) else { return [] }
    return Set(
      catalogs.flatMap { _, catalog in
        catalog.delivery.flatMap { rule in (rule.entries ?? []).map { "\(catalog.provider)/\($0)" } }
      })
  }()

  @Test(
    "All entries of one situation arriving the same way share what became of the request, unless the catalog says why",
    arguments: CrossProviderTests.situationsInUse)
  func deliveryFollowsSituation(situation: Situation) {
    let entries = CrossProviderTests.allEntries.filter {
      $0.situation == situation && !CrossProviderTests.explainedDifferences.contains(CrossProviderTests.key($0))
        && !Self.namedDeliveryExceptions.contains(CrossProviderTests.key($0))
    }
    for kind in [ResponseKind.response, .webhook, .report] {
      let same = entries.filter { $0.sample.kind == kind }
      guard let first = same.first else { continue }
      for entry in same.dropFirst() {
        #expect(entry.delivery == first.delivery, "\(entry): \(entry.delivery) vs \(first): \(first.delivery)")
      }
    }
  }

  @Test(
    "GENIQ's template codes that are Meta codes wait and deliver as Meta's catalog says",
    arguments: GENIQ.TemplateCode.allCases.filter {
      $0.entry.outcome == .failure && WhatsApp.Code.table.match(code: $0.entry.code) != nil
    })
  func geniqTemplateCodesFollowMeta(code: GENIQ.TemplateCode) throws {
    let meta = try #require(WhatsApp.Code.table.match(code: code.entry.code)?.entry)
    #expect(code.entry.delivery == meta.delivery, "\(code.entry) vs \(meta)")
    #expect(code.entry.wait?.kind == meta.wait?.kind, "\(code.entry) vs \(meta)")
    #expect(code.entry.wait?.seconds == meta.wait?.seconds, "\(code.entry) vs \(meta)")
  }
}
