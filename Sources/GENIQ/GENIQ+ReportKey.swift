import ErrorCatalog

extension GENIQ {
  /// The two fields of a delivery report that decide its classification, `status` and `reasonCode`, read
  /// from the body's bytes in one pass, with exactly the values ``DeliveryReport`` reads.
  enum ReportKey {
    /// The status as `trimmedText` gives it and the reason as `scalarText` gives it.
    static func read(_ body: ResponseBody) -> (status: String?, reason: String?) {
      let names = DeliveryReport.self
      if let fromJSON = body.topLevelTexts(names.status, .trimmed, names.reasonCode, .scalar) { return fromJSON }
      if let query = readQuery(body) { return query }
      // Text that is not ASCII: the general reader, whose Unicode rules (white space, new lines) apply.
      guard let fields = DeliveryReport.queryFields(body) else { return (nil, nil) }
      return (fields.member(names.status)?.trimmedText, fields.member(names.reasonCode)?.scalarText)
    }

    /// `CodeText.canonical(DeliveryReport.statusCode(status))`, built in one step for ASCII text.
    static func statusKey(_ status: String) -> String {
      guard status.utf8.allSatisfy({ $0 < 0x80 }) else { return CodeText.canonical(DeliveryReport.statusCode(status)) }
      let key = String(unsafeUninitializedCapacity: status.utf8.count) { buffer in
        var count = 0
        for byte in status.utf8 {
          if byte == UInt8(ascii: "-") || byte == 0x20 {
            buffer[count] = UInt8(ascii: "_")
          } else if byte >= 0x09 && byte <= 0x0D {
            continue
          } else {
            buffer[count] = byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte
          }
          count += 1
        }
        return count
      }
      return CodeText.canonical(key)
    }

    /// The keys that decide, lower-cased, and whether a key was spelt exactly as the JSON lookup prefers.
    private enum Wanted {
      case status, reasonCode, reasonUnderscore
    }

    /// Reads an ASCII query string as ``DeliveryReport/queryFields(_:)`` does; `nil` when the text holds
    /// bytes outside ASCII (before or after percent-decoding a key), which the general reader handles.
    static func readQuery(_ body: ResponseBody) -> (status: String?, reason: String?)? {
      guard !body.isTruncated else { return (nil, nil) }
      return body.bytes.withUnsafeBufferPointer { bytes -> (status: String?, reason: String?)? in
        for byte in bytes where byte >= 0x80 { return nil }
        var status: Range<Int>?
        var reasonCode: (value: Range<Int>, exact: Bool)?
        var reasonUnderscore: (value: Range<Int>, exact: Bool)?
        var ascii = true
        DeliveryReport.forEachQueryPair(bytes) { keyRange, value in
          guard let key = wanted(bytes, keyRange) else {
            ascii = false
            return false
          }
          switch key.wanted {
          case .status?: status = value
          case .reasonCode?: reasonCode = (value, key.exact)
          case .reasonUnderscore?: reasonUnderscore = (value, key.exact)
          case nil: break
          }
          return true
        }
        guard ascii else { return nil }
        let reason: Range<Int>? =
          if let reasonCode, reasonCode.exact {
            reasonCode.value
          } else if let reasonUnderscore, reasonUnderscore.exact {
            reasonUnderscore.value
          } else {
            reasonCode?.value ?? reasonUnderscore?.value
          }
        let statusText = status.flatMap { JSONValue.trimmed(DeliveryReport.decoded(bytes, $0)) }
        let reasonText = reason.flatMap { range -> String? in
          var text = DeliveryReport.decoded(bytes, range)
          return text.withUTF8 { MessageKey.isBlankOrNull($0) ? nil : MessageKey.normalizedString($0) }
        }
        return (statusText, reasonText)
      }
    }

    /// Which deciding key a raw key is once percent-decoded, stripped of white space and lower-cased, and
    /// whether it was spelt exactly `reasonCode` / `reason_code`; `nil` when it decodes to bytes outside ASCII.
    private static func wanted(
      _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>
    ) -> (wanted: Wanted?, exact: Bool)? {
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 12) { key -> (wanted: Wanted?, exact: Bool)? in
        var length = 0
        var ascii = true
        DeliveryReport.forEachDecoded(bytes, range) { byte in
          guard byte < 0x80 else {
            ascii = false
            return false
          }
          if !MessageNormalization.isSpace(byte) {
            if length < key.count { key[length] = byte }
            length += 1
          }
          return true
        }
        guard ascii, length <= key.count else { return ascii ? (nil, false) : nil }
        let spelt = UnsafeBufferPointer(rebasing: key[..<length])
        func folded(_ word: StaticString) -> Bool {
          word.withUTF8Buffer { word in
            word.count == spelt.count
              && zip(word, spelt).allSatisfy { $0 == ($1 >= 0x41 && $1 <= 0x5A ? $1 + 0x20 : $1) }
          }
        }
        func exact(_ word: StaticString) -> Bool { word.withUTF8Buffer { $0.elementsEqual(spelt) } }
        if folded("status") { return (.status, true) }
        if folded("reasoncode") { return (.reasonCode, exact("reasonCode")) }
        if folded("reason_code") { return (.reasonUnderscore, exact("reason_code")) }
        return (nil, false)
      }
    }
  }
}
