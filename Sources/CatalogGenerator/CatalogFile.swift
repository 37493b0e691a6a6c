import Foundation

/// The decoded form of one `Catalogs/*.json` file (see `Catalogs/catalog.schema.json`).
public struct CatalogFile: Decodable, Sendable {
  public var provider: String
  public var module: String
  public var displayName: String
  public var summary: String
  /// The provider's row in README.md's table of modules.
  public var readme: Readme
  public var sources: [Source]
  public var tables: [Table]
  /// Other catalogs whose codes this provider passes through unchanged (360dialog and Meta's codes).
  public var shares: [Share]?
  /// How answers that no entry matches are classified in situations the provider documents (Meta's
  /// `is_transient`), by name.
  public var fallbacks: [Fallback]?
  /// Documented subcodes (Meta's `error_subcode`).
  public var subcodes: [Subcode]?
  /// What became of the request for each entry: ordered rules, the first that matches an entry decides.
  public var delivery: [DeliveryRule]
  /// Waits the provider documents, by entry.
  public var waits: [Wait]?
  /// Where the provider's error items put their fields (Meta's Graph error object and webhook `errors[]`).
  public var items: Items?
  /// Where the provider's status webhooks put their events.
  public var webhook: Webhook?
  /// Where the provider's send answers put their identifiers.
  public var answer: Answer?
  /// Where a reseller's gateway puts its own answer (360dialog's `meta`).
  public var gateway: Gateway?
  /// The identifiers and parameters of an envelope read by the provider's own rules (Cequens').
  public var envelope: Envelope?
  /// Where a delivery report puts its status, its reason and the fields it carries (GENIQ's).
  public var report: Report?

  /// The member names of a delivery report.
  public struct Report: Decodable, Sendable {
    public var status: [String]
    public var reason: [String]
    public var references: [Wire.Field]?
    public var parameters: [Wire.Field]?
    /// Why the shape is what it is, with its source.
    public var note: String?
  }

  /// The identifiers and parameters of an envelope whose code and message the provider's own rules read,
  /// and the member names those rules read.
  public struct Envelope: Decodable, Sendable {
    public var references: [Wire.Field]?
    public var parameters: [Wire.Field]?
    /// The member names the provider's rules read, by role: one member's names each.
    public var names: [String: [String]]?
    /// Roles that are several members, read one after another, each with its names.
    public var lists: [String: [[String]]]?
    /// Why the shape is what it is, with its source.
    public var note: String?
  }

  /// The member names of a gateway's own answer.
  public struct Gateway: Decodable, Sendable {
    public var container, code, message, success: [String]
    /// Why the shape is what it is, with its source.
    public var note: String?
  }

  /// The member names of a send answer's identifiers.
  public struct Answer: Decodable, Sendable {
    public var messages, messageID, messageStatus, contacts, recipient, recipientInput: [String]
    /// Why the shape is what it is, with its source.
    public var note: String?
  }

  /// The member names of an error item, each a list of names in order of preference (at most three).
  public struct Items: Decodable, Sendable {
    public var code, title, message, errorData, details, subcode, transient, userTitle, userMessage: [String]
    public var traceID, href, type, container, wrapper, itemMarkers, list: [String]
    /// Why the shape is what it is, with its source.
    public var note: String?
  }

  /// The member names of a status webhook's envelope and events.
  public struct Webhook: Decodable, Sendable {
    public var statuses, errors, contacts, entry, changes, value, messages, status: [String]
    public var id, recipient, timestamp, conversation, sender: [String]
    /// Which table a failed event's code is looked up in first, per envelope: `shared` (the catalog this one
    /// is, passed through by resellers) or `own` (a reseller's own webhook table).
    public var lookup: Lookup
    /// Why the shape is what it is, with its source.
    public var note: String?

    /// The order of the two tables for each envelope.
    public struct Lookup: Decodable, Sendable {
      public var cloudAPI: [String]
      public var onPremise: [String]
      /// Why.
      public var reason: String
    }
  }

  /// One rule of ``delivery``: the entries it matches (every condition given must hold) and what it says.
  public struct DeliveryRule: Decodable, Sendable {
    /// `rejected`, `unknown`, `acceptedThenFailed` or `notApplicable`.
    public var fate: String
    /// Why, in a sentence: what the answer shows about the request.
    public var reason: String
    /// Entries as `table/name`; the rule matches only these.
    public var entries: [String]?
    /// Sample kinds (`response`, `webhook`, `report`).
    public var kinds: [String]?
    /// Outcomes (`success`, `partial`, `pending`, `failure`).
    public var outcomes: [String]?
    /// HTTP statuses of the entry, inclusive; an entry without a status does not match.
    public var statusFrom: Int?
    public var statusTo: Int?
    /// Categories.
    public var categories: [String]?
    /// Retry values.
    public var retries: [String]?

    func matches(_ entry: Entry, table: String) -> Bool {
      if let entries, !entries.contains("\(table)/\(entry.name)") { return false }
      if let kinds, !kinds.contains(entry.sample.kind) { return false }
      if let outcomes, !outcomes.contains(entry.outcome ?? "failure") { return false }
      if statusFrom != nil || statusTo != nil {
        guard let status = entry.status, status >= (statusFrom ?? .min), status <= (statusTo ?? .max) else {
          return false
        }
      }
      if let categories, !categories.contains(entry.category) { return false }
      if let retries, !retries.contains(entry.retry) { return false }
      return true
    }
  }

  /// A documented wait for one entry.
  public struct Wait: Decodable, Sendable {
    /// The entry, as `table/name`.
    public var entry: String
    /// `minimum` or `window`.
    public var kind: String
    /// The documented wait in seconds, when a figure is documented.
    public var seconds: Int?
    /// The parameter captured from the message that states the wait in seconds.
    public var parameter: String?
    /// The source (an id of ``sources``).
    public var source: String
    /// What the source says, in our words.
    public var reason: String
  }

  /// The delivery rule that decides `entry`, if any.
  public func deliveryRule(for entry: Entry, table: String) -> DeliveryRule? {
    delivery.first { $0.matches(entry, table: table) }
  }

  public struct Subcode: Decodable, Sendable {
    public var code: String
    public var parentCode: String?
    public var message: String
    public var explanation: String
    public var source: String
    public var note: String?
  }

  public struct CodeRange: Decodable, Sendable {
    public var from: Int
    public var to: Int
  }

  public struct Fallback: Decodable, Sendable {
    /// The situation, such as `transient`; the Swift constant is `<name>Fallback`.
    public var name: String
    public var category: String
    public var retry: String
    public var fault: String
    /// Why the situation is classified so.
    public var reason: String
    public var source: String
  }

  public struct Source: Decodable, Sendable {
    public var id: String
    public var title: String
    public var url: String?
    public var document: String?
  }

  public struct Share: Decodable, Sendable {
    /// The module whose `Code` is passed through, such as `WhatsApp`.
    public var module: String
    /// The case of this provider's `Code` that carries it, such as `cloudAPI`.
    public var caseName: String
    public var description: String
  }

  public struct Table: Decodable, Sendable {
    public var id: String
    public var swiftName: String
    public var title: String
    public var description: String
    public var entries: [Entry]
    /// Where the provider's answers put the code and message this table is searched with.
    public var wire: Wire?
    /// Which call reads this table's answers (`response`, `webhook`, `report`, `template`); without it, the
    /// kinds of its samples.
    public var call: String?
  }

  /// A row of README.md's table of modules.
  public struct Readme: Decodable, Sendable {
    /// The provider, as users know it.
    public var provider: String
    /// What its answers look like.
    public var reads: String
  }

  /// Where a provider's answers put their code and message (a flat top-level object), read by the core's
  /// one walk: each list holds a member's names in order of preference (at most three).
  public struct Wire: Decodable, Sendable {
    public var code: [String]
    public var message: [String]
    /// Where the message is when `message` is absent or finds nothing.
    public var alternateMessage: [String]?
    /// `code` (the code finds the entries, the message chooses) or `message` (the message finds the entry,
    /// the code or the HTTP status chooses).
    public var decides: String
    /// The identifiers the answer carries, by their `References` names.
    public var references: [Field]?
    /// The other values an error keeps in its `parameters`, beside the message.
    public var parameters: [Field]?
    /// Why the shape is what it is, with its source.
    public var note: String?

    /// One field beside the code and the message.
    public struct Field: Decodable, Sendable {
      /// The name it is kept under.
      public var key: String
      /// Its member names, in order of preference (at most three).
      public var names: [String]
      /// Objects below the top level searched after it, in order.
      public var holders: [String]?
      /// `scalar` (the default), `trimmed` or `message`.
      public var text: String?
      /// For a field that may be a list: `first`, `all` or `several`.
      public var list: String?
    }
  }

  public struct Entry: Decodable, Sendable {
    public var name: String
    public var code: String
    public var codeRange: CodeRange?
    public var status: Int?
    public var message: String
    public var title: String?
    public var patterns: [String]?
    public var explanation: String
    public var remedy: String
    public var category: String
    public var retry: String
    public var fault: String
    /// The provider-independent situation (`Situation`'s raw values).
    public var situation: String?
    /// Why this entry's classification differs from the others of its situation, when it does.
    public var situationNote: String?
    /// Why no situation fits this entry, for an entry that is not a success and names none.
    public var noSituation: String?
    /// Whether the entry is one wire variant of a code another entry of the table stands for: it is found
    /// by its message only, so the code with another message keeps the main entry.
    public var variant: Bool?
    public var outcome: String?
    public var deprecated: Bool?
    /// For a delivery report's status: how a failure reason reported with it combines with it.
    public var reasonRule: ReasonRule?
    public var sample: Sample
    public var source: String
    public var note: String?
  }

  /// How a delivery report's failure reason combines with a failure status.
  public struct ReasonRule: Decodable, Sendable {
    /// `statusDecides` or `stricterReasonReplaces`.
    public var rule: String
    /// Why.
    public var reason: String
  }

  public struct Sample: Decodable, Sendable {
    public var kind: String
    public var status: Int?
    public var headers: [String: String]?
    public var body: String
  }
}
