/// Where a provider's answers put their code and message, as its catalog describes them (a table's `wire`
/// in `Catalogs/*.json`), read by one walk in this module: ``CatalogTable/readWire(in:status:)``.
///
/// A provider that answers with a flat envelope (Wolkvox's `{"code", "msg"}`, Yeastar's `{"errcode",
/// "errmsg"}`, GENIQ's `{"responseCode", "responseMessage"}`) needs no walk of its own: its member names
/// and which field finds the entry are data. The readers of the fields a classification keeps for later
/// (the raw message, parameters) take the same names from here, so each name is written once, in the catalog.
package struct WireShape: Sendable {
  /// Which field finds the entry.
  package enum Decides: Sendable {
    /// The code finds the entries documented under it; the message chooses among them.
    case code
    /// The message finds the entry; the code (else the HTTP status) chooses among entries that share it.
    case message
  }

  /// One member's names, in order of preference (at most three): an exact name before one equal ignoring
  /// ASCII case, an earlier name before a later one, the last of repeated members.
  package struct Names: @unchecked Sendable {
    /// The names' UTF-8 in the program's constant data (a name that is absent repeats the first, with
    /// length -1), laid out as ``MemberSlot`` reads them so that a walk copies no more than this.
    let pointers: (UnsafePointer<UInt8>, UnsafePointer<UInt8>, UnsafePointer<UInt8>)
    let lengths: (Int32, Int32, Int32)

    package init(_ first: StaticString, _ second: StaticString? = nil, _ third: StaticString? = nil) {
      pointers = (first.utf8Start, second?.utf8Start ?? first.utf8Start, third?.utf8Start ?? first.utf8Start)
      lengths = (
        Int32(first.utf8CodeUnitCount), second.map { Int32($0.utf8CodeUnitCount) } ?? -1,
        third.map { Int32($0.utf8CodeUnitCount) } ?? -1
      )
    }

    /// The names as strings, for the tree reader.
    package var keys: [String] {
      [(pointers.0, lengths.0), (pointers.1, lengths.1), (pointers.2, lengths.2)].compactMap { pointer, length in
        length < 0 ? nil : String(decoding: UnsafeBufferPointer(start: pointer, count: Int(length)), as: UTF8.self)
      }
    }

    /// A slot that finds the member in one walk over an object's members.
    @inline(__always)
    var slot: MemberSlot { MemberSlot(names: pointers, lengths: lengths) }
  }

  /// Where the code is.
  package let code: Names
  /// Where the message is.
  package let message: Names
  /// Where the message is when ``message`` is absent or finds nothing (Wolkvox's `error`).
  package let alternateMessage: Names?
  /// Which of the two finds the entry.
  package let decides: Decides

  package init(code: Names, message: Names, alternateMessage: Names? = nil, decides: Decides) {
    self.code = code
    self.message = message
    self.alternateMessage = alternateMessage
    self.decides = decides
  }
}

extension JSONValue {
  /// The member found under `names`, with the same precedence as the walk.
  package func member(_ names: WireShape.Names) -> JSONValue? {
    member(names.keys)
  }
}
