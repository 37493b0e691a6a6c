import Cequens
import Dialog360
import ErrorCatalog
import GENIQ
import Testing
import WhatsApp
import Wolkvox
import Yeastar

@Suite("The same situation means the same everywhere")
struct CrossProviderTests {
  struct Situation: CustomStringConvertible, Sendable {
    var description: String
    var entries: [CatalogEntry]
  }

  static let situations: [Situation] = [
    Situation(
      description: "the 24-hour customer-service window is closed",
      entries: [
        Wolkvox.Code.conversationWindowExpired.entry, Dialog360.WebhookCode.conversationWindowClosed.entry,
        Cequens.WhatsAppCode.reEngagementRequired.entry, Yeastar.Code.table.match(code: "70657")?.entry,
        WhatsApp.Code.reEngagementMessage.entry,
      ].compactMap { $0 }),
    Situation(
      description: "the template does not exist",
      entries: [
        Wolkvox.Code.whatsAppTemplateNotFound.entry, Dialog360.APICode.templateMissing.entry,
        Cequens.WhatsAppCode.templateMissing.entry, WhatsApp.Code.templateMissing.entry,
        GENIQ.TemplateCode.table.match(code: "132001")?.entry,
      ].compactMap { $0 }),
    Situation(
      description: "too many messages in a short time",
      entries: [
        Dialog360.WebhookCode.rateLimitHit.entry, Cequens.WhatsAppCode.rateLimitHit.entry,
        WhatsApp.Code.rateLimitHit.entry, Dialog360.APICode.rateLimitExceeded.entry,
      ]),
    Situation(
      description: "payment problems",
      entries: [
        Dialog360.WebhookCode.paymentIssue.entry, Cequens.WhatsAppCode.paymentIssue.entry,
        WhatsApp.Code.businessEligibilityPaymentIssue.entry, Dialog360.APICode.lackOfPayment.entry,
      ]),
    Situation(
      description: "the spam (quality) rate limit",
      entries: [
        Dialog360.WebhookCode.spamRateLimitHit.entry, Cequens.WhatsAppCode.spamRateLimitHit.entry,
        WhatsApp.Code.spamRateLimitHit.entry,
      ]),
    Situation(
      description: "the user is part of an experiment",
      entries: [Cequens.WhatsAppCode.userInExperiment.entry, WhatsApp.Code.userInExperiment.entry]),
  ]

  @Test("Equivalent codes share category, retry and fault", arguments: situations)
  func equivalentCodes(situation: Situation) throws {
    #expect(situation.entries.count >= 2)
    let first = try #require(situation.entries.first)
    for entry in situation.entries.dropFirst() {
      #expect(entry.category == first.category, "\(entry) vs \(first)")
      #expect(entry.retry == first.retry, "\(entry) vs \(first)")
    }
  }

  @Test("The 24-hour window is a conversationWindow error everywhere")
  func windowCategory() throws {
    let window = try #require(Self.situations.first)
    #expect(window.entries.allSatisfy { $0.category == .conversationWindow })
  }

  @Test(
    "GENIQ's template codes that are Meta codes mean what Meta's catalog says",
    arguments: GENIQ.TemplateCode.allCases.filter {
      $0.entry.outcome == .failure && WhatsApp.Code.table.match(code: $0.entry.code) != nil
    })
  func geniqTemplateCodesFollowMeta(code: GENIQ.TemplateCode) throws {
    let meta = try #require(WhatsApp.Code.table.match(code: code.entry.code)?.entry)
    #expect(code.entry.category == meta.category)
    #expect(code.entry.retry == meta.retry)
  }
}
