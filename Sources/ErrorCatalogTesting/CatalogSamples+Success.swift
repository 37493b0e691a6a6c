public import ErrorCatalog

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
    let query = percentEncoded
    var pairs = [
      "messageId=\(query(messageID))", "channel=\(query(channel))", "recipient=\(query(recipient))",
      "status=\(query(status))",
    ]
    if let reasonCode { pairs.append("reasonCode=\(reasonCode)") }
    return pairs.joined(separator: "&")
  }

  /// A catalog code's sample body with the message id and recipient a test chooses, such as a 131047
  /// status webhook about the message your mock send answered with:
  ///
  /// ```swift
  /// let body = CatalogSamples.body(of: Dialog360.Code.cloudAPI(.reEngagementMessage), messageID: "wamid.m-2")
  /// let event = Dialog360.classifyWebhook(body: body)[0]  // event.references.messageID == "wamid.m-2"
  /// ```
  ///
  /// Every sample's message id is its own (no two samples share one), so it is replaced wherever the body
  /// has it, JSON-escaped (or percent-encoded in a GENIQ query-string report); so is the recipient, when
  /// `recipient` is given and the sample names one. A sample without a message id comes back as it is.
  public static func body(of code: some CatalogCode, messageID: String, recipient: String? = nil) -> String {
    var body = code.entry.sample.body
    let references = classify(code).first?.references ?? .none
    let isQuery = !body.hasPrefix("{") && !body.hasPrefix("[")
    func replace(_ old: String?, with new: String) {
      guard let old, !old.isEmpty else { return }
      if isQuery {
        body = body.replacing("=\(percentEncoded(old))", with: "=\(percentEncoded(new))")
      } else {
        body = body.replacing("\"\(json(old))\"", with: "\"\(json(new))\"")
      }
    }
    replace(references.messageID, with: messageID)
    if let recipient { replace(references.recipient, with: recipient) }
    return body
  }

  /// The Yeastar P-Series PBX's answer to a successful call, HTTP 200: `{"errcode":0,"errmsg":"SUCCESS"}`
  /// with the call's own members after them, written as JSON members (`#""total_number":1,"data":[…]"#`).
  /// Classified with `Yeastar.classify`, it is a success.
  public static func yeastarAnswer(members: String = "") -> String {
    #"{"errcode":0,"errmsg":"SUCCESS""# + (members.isEmpty ? "" : "," + members) + "}"
  }

  /// The PBX's answer to `get_token` (and `refresh_token`), HTTP 200, with the tokens a test chooses, in the
  /// shape of Yeastar's developer guide (expiry times of 1,800 and 86,400 seconds).
  public static func yeastarTokenAnswer(accessToken: String, refreshToken: String = "refresh-token") -> String {
    yeastarAnswer(
      members: #""access_token_expire_time":1800,"access_token":"\#(json(accessToken))","#
        + #""refresh_token_expire_time":86400,"refresh_token":"\#(json(refreshToken))""#)
  }

  /// Cequens' answer to a successful request, HTTP 200, in its REST envelope (`replyCode` 0, as its
  /// OpenAPI-generated SDK declares it) with the ids a test chooses and the call's own `data` object, written
  /// as JSON. Classified with `Cequens.classify`, it is a success whose references hold `requestID` and
  /// `clientRequestID`.
  public static func cequensAnswer(
    requestID: String = "cequens-request-0001", clientRequestID: String = "1", data: String = "{}"
  ) -> String {
    #"{"replyCode":0,"replyMessage":"Success","requestId":"\#(json(requestID))","#
      + #""clientRequestId":"\#(json(clientRequestID))","requestTime":"2026-03-01T10:15:00Z","data":\#(data)}"#
  }

  /// `text` percent-encoded for a query string: everything but letters, digits, `-`, `_` and `.`.
  static func percentEncoded(_ text: String) -> String {
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
  /// Cequens' success envelope with the ids a test chooses (see
  /// ``CatalogSamples/cequensAnswer(requestID:clientRequestID:data:)``).
  public static func cequens(
    requestID: String = "cequens-request-0001", clientRequestID: String = "1", data: String = "{}"
  ) -> MockTransport.Answer {
    .response(
      status: 200, headers: ["Content-Type": "application/json"],
      body: CatalogSamples.cequensAnswer(requestID: requestID, clientRequestID: clientRequestID, data: data))
  }

  /// The PBX's success answer with the call's own members (see ``CatalogSamples/yeastarAnswer(members:)``).
  public static func yeastar(members: String = "") -> MockTransport.Answer {
    .response(
      status: 200, headers: ["Content-Type": "application/json"], body: CatalogSamples.yeastarAnswer(members: members))
  }

  /// The PBX's `get_token` answer with the tokens a test chooses (see
  /// ``CatalogSamples/yeastarTokenAnswer(accessToken:refreshToken:)``).
  public static func yeastarToken(accessToken: String, refreshToken: String = "refresh-token") -> MockTransport.Answer {
    .response(
      status: 200, headers: ["Content-Type": "application/json"],
      body: CatalogSamples.yeastarTokenAnswer(accessToken: accessToken, refreshToken: refreshToken))
  }

  /// Meta's Cloud API answer to a successful send, HTTP 200 (see ``CatalogSamples/cloudAPISendAnswer(messageID:recipient:)``).
  public static func cloudAPISend(messageID: String = "wamid.sample-0001", recipient: String = "16505551234")
    -> MockTransport.Answer
  {
    .response(
      status: 200, headers: ["Content-Type": "application/json"],
      body: CatalogSamples.cloudAPISendAnswer(messageID: messageID, recipient: recipient))
  }
}
