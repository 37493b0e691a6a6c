extension CatalogSamples {
  /// A status a Cloud API status webhook reports for a message that has not failed.
  @nonexhaustive
  public enum CloudAPIStatus: String, Sendable, Hashable, CaseIterable {
    /// Sent on to WhatsApp (one grey tick).
    case sent
    /// Delivered to the recipient's device.
    case delivered
    /// Read by the recipient.
    case read
  }

  /// The body of Meta's Cloud API answer to a successful send (`POST /<phone-number-id>/messages`), which
  /// WhatsApp and 360dialog's Cloud API give back: the recipient as sent and as WhatsApp id, and the new
  /// message's id. Classified, it is a success whose references hold `messageID` and `recipient`.
  ///
  /// - Parameters:
  ///   - messageID: The id the answer gives the new message; vary it to tell several sends apart.
  ///   - recipient: The recipient's WhatsApp id (a phone number without `+`).
  public static func cloudAPISendAnswer(messageID: String = "wamid.sample-0001", recipient: String = "16505551234")
    -> String
  {
    #"{"messaging_product":"whatsapp","contacts":[{"input":"+\#(json(recipient))","wa_id":"\#(json(recipient))"}],"#
      + #""messages":[{"id":"\#(json(messageID))"}]}"#
  }

  /// A Cloud API status webhook (the body Meta, or 360dialog for its Cloud API, posts to your endpoint) that
  /// reports `status` for one message: classified with `classifyWebhook(body:)`, one classification whose
  /// references hold the message id, recipient, status and timestamp, and whose progress is `status`:
  /// a success for `delivered` and `read`, pending for `sent` (the message can still fail).
  ///
  /// - Parameters:
  ///   - status: What happened to the message.
  ///   - messageID: The message the status is about: the id the send answer gave.
  ///   - recipient: The recipient's WhatsApp id.
  ///   - timestamp: When it happened, in seconds since 1970.
  public static func cloudAPIStatusWebhook(
    _ status: CloudAPIStatus, messageID: String = "wamid.sample-0001", recipient: String = "16505551234",
    timestamp: Int = 1_750_263_773
  ) -> String {
    let event =
      #"{"id":"\#(json(messageID))","status":"\#(status.rawValue)","timestamp":"\#(timestamp)","#
      + #""recipient_id":"\#(json(recipient))"}"#
    return #"{"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":"#
      + #"{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","#
      + #""phone_number_id":"106540352242922"},"statuses":[\#(event)]},"field":"messages"}]}]}"#
  }

  /// A GENIQ delivery report as its callback's query string, for the message and recipient a test chooses:
  /// `status` is GENIQ's (`delivered`, `read`, `undeliverable`, `expired`, …) and `reasonCode` its reason,
  /// when a failure gives one. Classify it with `GENIQ.classifyReport(body:)`.
  public static func geniqReport(
    status: String, reasonCode: Int? = nil, messageID: String = "7A1C9F0B2E4D6A8C0000000000000101",
    recipient: String = "6588880000", channel: String = "sms"
  ) -> String {
    func query(_ text: String) -> String {
      var out = ""
      for byte in text.utf8 {
        let isPlain =
          (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
          || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
        if isPlain {
          out.unicodeScalars.append(Unicode.Scalar(byte))
        } else {
          let hex = String(byte, radix: 16, uppercase: true)
          out += "%" + (hex.count == 1 ? "0" : "") + hex
        }
      }
      return out
    }
    var pairs = [
      "messageId=\(query(messageID))", "channel=\(query(channel))", "recipient=\(query(recipient))",
      "status=\(query(status))",
    ]
    if let reasonCode { pairs.append("reasonCode=\(reasonCode)") }
    return pairs.joined(separator: "&")
  }

  /// `text` as the inside of a JSON string: quotes, backslashes and control characters escaped.
  static func json(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }
}

extension MockTransport.Answer {
  /// Meta's Cloud API answer to a successful send, HTTP 200 (see ``CatalogSamples/cloudAPISendAnswer(messageID:recipient:)``).
  public static func cloudAPISend(messageID: String = "wamid.sample-0001", recipient: String = "16505551234")
    -> MockTransport.Answer
  {
    .response(
      status: 200, headers: ["Content-Type": "application/json"],
      body: CatalogSamples.cloudAPISendAnswer(messageID: messageID, recipient: recipient))
  }
}
