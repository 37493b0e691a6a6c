import Cequens
import Dialog360
import ErrorCatalog
import GENIQ
import WhatsApp
import Wolkvox
import Yeastar

/// What `errcat` needs of one provider.
struct ProviderAdapter: Sendable {
  /// The outcome of classifying one body, and the errors found (several for a webhook).
  struct Result {
    var outcome: Outcome
    var errors: [any ProviderError]
  }

  let id: ProviderID
  let tables: [CatalogTable]
  /// What `--kind` can name: the contract's three kinds, plus GENIQ's template management answers.
  enum BodyKind: String, CaseIterable {
    case response, webhook, report, template
  }

  /// The kinds of body this provider can classify.
  let kinds: [BodyKind]
  let classify: @Sendable (_ kind: BodyKind, _ status: Int?, _ headers: [String: String], _ body: [UInt8]) -> Result

  static let all: [ProviderAdapter] = [wolkvox, dialog360, cequens, yeastar, geniq, whatsapp]

  static func named(_ name: String) -> ProviderAdapter? {
    all.first { $0.id.rawValue == name.lowercased() }
  }

  static func result<E: ProviderError>(_ classification: Classification<E>) -> Result {
    Result(outcome: classification.outcome, errors: classification.error.map { [$0] } ?? [])
  }

  static func result<E: ProviderError>(_ errors: [E]) -> Result {
    let failures = errors.filter { $0.outcome != .success }
    return Result(outcome: failures.isEmpty ? .success : .failure, errors: failures)
  }

  static let wolkvox = ProviderAdapter(
    id: .wolkvox, tables: Wolkvox.tables, kinds: [.response],
    classify: { _, status, headers, body in result(Wolkvox.classify(status: status, headers: headers, body: body)) }
  )

  static let dialog360 = responsesAndWebhooks(.dialog360, Dialog360.self, tables: Dialog360.tables)

  static let cequens = responsesAndWebhooks(.cequens, Cequens.self, tables: Cequens.tables)

  static let whatsapp = responsesAndWebhooks(.whatsapp, WhatsApp.self, tables: WhatsApp.tables)

  static let yeastar = ProviderAdapter(
    id: .yeastar, tables: Yeastar.tables, kinds: [.response],
    classify: { _, status, headers, body in result(Yeastar.classify(status: status, headers: headers, body: body)) }
  )

  static let geniq = ProviderAdapter(
    id: .geniq, tables: GENIQ.tables, kinds: [.response, .report, .template],
    classify: { kind, status, headers, body in
      switch kind {
      case .report: result(GENIQ.classifyReport(body: body))
      case .template: result(GENIQ.classifyTemplateResponse(status: status, headers: headers, body: body))
      case .response, .webhook: result(GENIQ.classify(status: status, headers: headers, body: body))
      }
    }
  )

  /// A provider with synchronous answers and status webhooks.
  static func responsesAndWebhooks<Provider: ResponseClassifier & WebhookClassifier & SendableMetatype>(
    _ id: ProviderID, _: Provider.Type, tables: [CatalogTable]
  ) -> ProviderAdapter {
    ProviderAdapter(
      id: id, tables: tables, kinds: [.response, .webhook],
      classify: { kind, status, headers, body in
        kind == .webhook
          ? result(Provider.classifyWebhook(body: body))
          : result(Provider.classify(status: status, headers: headers, body: body))
      }
    )
  }
}
