/// A body's bytes, validated once as JSON, read in place.
///
/// The one JSON reader (RFC 8259, nesting at most ``JSONReader/maximumDepth``, a leading byte-order mark
/// skipped). It builds nothing: classifiers walk it through ``JSONView``s and turn into strings only the few
/// fields they need; ``JSONReader`` copies its views into a tree for the readers that keep a whole
/// envelope. Validation is one loop with no recursion, so no input can exhaust the stack.
///
/// The reader (this type, ``JSONView``, ``JSONKey``, ``MemberSlot``) is internal to this module: every walk
/// over a body is here, driven by the shapes the catalogs describe (``WireShape``, ``ErrorItemShape``,
/// ``WebhookShape``), because this toolchain does not inline `package` code into other modules and the walk
/// must be inlined to cost less than a JSON parse. Internal rather than `package`, the optimiser keeps one
/// copy of each walk (no entry point other modules could call): the release `errcat` is 56 KB of text
/// smaller.
struct JSONDocument: Sendable {
  /// The validated bytes (for a body encoded twice, the inner document's).
  let bytes: [UInt8]
  /// The offset of the top-level value.
  let root: Int
  /// Whether no string (key or value) has an escape or a byte outside ASCII, so that every string's text
  /// is its bytes as they stand.
  let plain: Bool

  /// Where containers end, for documents long enough that walking into nested values would otherwise skip
  /// the same bytes again at each level: pairs of (start, end) offsets in document order, for at most
  /// ``maximumRecordedContainers`` containers; empty for short documents.
  let containers: [Int32]

  /// Documents shorter than this are walked without a table of container ends (and allocate nothing).
  static let containerTableThreshold = 512
  /// How many containers' ends are recorded at most, so the table is one allocation of bounded size.
  static let maximumRecordedContainers = 2048

  /// Validates `bytes`; `nil` when they are not one JSON value surrounded by white space.
  init?(validating bytes: [UInt8]) {
    var plain = true
    var root: Int?
    if bytes.count >= Self.containerTableThreshold, bytes.count <= Int(Int32.max) {
      // The table is written in place while validating; it never grows beyond the capacity made here.
      let capacity = 2 * min(bytes.count / 2 + 1, Self.maximumRecordedContainers)
      containers = OffsetSlots.array(capacity: capacity) { table in
        var recorded = 0
        root = ByteView.of(bytes) { Self.validate($0, plain: &plain, table: table, tableCount: &recorded) }
        return recorded
      }
    } else {
      root = ByteView.of(bytes) { Self.validate($0, plain: &plain) }
      containers = []
    }
    guard let root else { return nil }
    self.bytes = bytes
    self.root = root
    self.plain = plain
  }

  /// The document as ``ResponseBody/json`` reads it: a JSON string that itself holds a JSON object or
  /// array (a body encoded twice) is unwrapped once.
  init?(body bytes: [UInt8]) {
    guard let document = JSONDocument(validating: bytes) else { return nil }
    // Only a body that is one JSON string can hold a second document.
    guard bytes[document.root] == UInt8(ascii: "\""),
      let text = document.withRoot(\.decodedString),
      let inner = JSONDocument(validating: Array(text.utf8)),
      inner.bytes[inner.root] == UInt8(ascii: "{") || inner.bytes[inner.root] == UInt8(ascii: "[")
    else {
      self = document
      return
    }
    self = inner
  }

  /// Calls `read` with the top-level value of `body` as ``ResponseBody/document`` reads it, or returns `nil`
  /// when the body is not JSON (or longer than ``ResponseBody/storedLimit``). The views are valid only
  /// during the call.
  @inline(__always)
  static func withRoot<R>(of body: ResponseBody, _ read: (JSONView) -> R) -> R? {
    body.isTruncated ? nil : withRoot(of: body.bytes, read)
  }

  /// Calls `body` with the top-level value of `bytes` read as ``init(body:)`` reads them, or returns `nil`
  /// when they are not JSON. A short document that is no string is validated and read where it lies, with
  /// no copy of the array kept (so no reference counting); the rest goes through ``init(body:)``.
  @inline(__always)
  static func withRoot<R>(of bytes: [UInt8], _ body: (JSONView) -> R) -> R? {
    var record = MemberRecord()
    let short = record.withSlots { validateShort(bytes, members: $0) }
    if short.root >= 0 {
      return record.withRecorded(4 * short.members) { members in
        ByteView.of(bytes) { buffer in
          body(
            JSONView(
              buffer: buffer, start: short.root, end: short.end, plain: short.plain, containers: OffsetTable(),
              members: members))
        }
      }
    }
    if short.root == Self.invalid { return nil }
    var result: R?
    switch withLongRoot(bytes, { result = body($0) }) {
    case true?: return result
    case false?: return nil
    case nil: return JSONDocument(body: bytes)?.withRoot(body)
    }
  }

  /// How many containers' ends the table of a document read in place holds.
  static let inPlaceContainers = 128

  /// Validates `bytes` (at least ``containerTableThreshold`` long) with their table of container ends on
  /// the stack, and calls `body` with the top-level value: `true` when it did, `false` when the bytes are
  /// not JSON, `nil` when the top-level value is a string (which may hold a second document) or the bytes
  /// are too short or too long for 32-bit offsets, left to ``init(body:)``.
  ///
  /// The table holds the first ``inPlaceContainers`` containers opened (1 KB, which the runtime places on
  /// the stack; a larger temporary allocation is made on the heap); an outer container opens before what
  /// it holds, so the ones a classifier skips whole (`data`, `entry`, `statuses`) are usually among them. A
  /// container beyond them is walked over when it is skipped, as in a short document. So no
  /// classification allocates for its table, whatever the body's size.
  static func withLongRoot(_ bytes: [UInt8], _ body: (JSONView) -> Void) -> Bool? {
    guard bytes.count >= containerTableThreshold, bytes.count <= Int(Int32.max) else { return nil }
    return OffsetSlots.withTemporary(capacity: 2 * inPlaceContainers) { table -> Bool? in
      var plain = true
      var tableCount = 0
      return ByteView.of(bytes) { buffer -> Bool? in
        guard let root = validate(buffer, plain: &plain, table: table, tableCount: &tableCount) else { return false }
        guard buffer[root] != UInt8(ascii: "\"") else { return nil }
        body(
          JSONView(
            buffer: buffer, start: root, end: valueEnd(buffer, root: root), plain: plain,
            containers: table.recorded(tableCount)))
        return true
      }
    }
  }

  /// Room on the stack for the members ``validateShort(_:members:)`` records: four offsets for each of up
  /// to 16 top-level members, so that a classifier finds its fields without walking the document again.
  struct MemberRecord {
    typealias Four = (Int32, Int32, Int32, Int32)
    var offsets: (Four, Four, Four, Four, Four, Four, Four, Four, Four, Four, Four, Four, Four, Four, Four, Four)

    init() {
      let zero: Four = (0, 0, 0, 0)
      offsets = (zero, zero, zero, zero, zero, zero, zero, zero, zero, zero, zero, zero, zero, zero, zero, zero)
    }
  }

  /// ``validateShort(_:members:)``'s `root` for bytes that are not JSON.
  static let invalid = -1
  /// ``validateShort(_:members:)``'s `root` for bytes it leaves to ``init(body:)``.
  static let notShort = -2

  /// Validates a document shorter than ``containerTableThreshold`` whose top-level value is no string:
  /// the offsets of that value and of its end (before trailing white space), and whether the document's
  /// strings are plain. `root` is ``invalid`` when the bytes are not JSON, ``notShort`` when they are too
  /// long or one string (which may hold a second document).
  ///
  /// When the top-level value is an object with at most `members.count / 4` members, `members` receives
  /// each one's key range (between the quotes) and value range, four offsets per member, and `members` in
  /// the result is how many there are; otherwise it is 0.
  @inline(__always)
  static func validateShort(
    _ bytes: [UInt8], members: OffsetSlots
  ) -> (root: Int, end: Int, plain: Bool, members: Int) {
    guard bytes.count < containerTableThreshold else { return (notShort, 0, false, 0) }
    return ByteView.of(bytes) { buffer in
      var plain = true
      var tableCount = 0
      var memberCount = 0
      guard
        let root = validate(
          buffer, plain: &plain, table: OffsetSlots(), tableCount: &tableCount, open: OffsetSlots(), members: members,
          memberCount: &memberCount)
      else { return (invalid, 0, false, 0) }
      guard buffer[root] != UInt8(ascii: "\"") else { return (notShort, 0, false, 0) }
      return (root, valueEnd(buffer, root: root), plain, 4 * memberCount <= members.count ? memberCount : 0)
    }
  }

  /// Calls `body` with the top-level value. The views it reaches point into the document's bytes and are
  /// valid only during the call.
  @inline(__always)
  func withRoot<R>(_ body: (JSONView) -> R) -> R {
    OffsetTable.of(containers) { containers in
      ByteView.of(bytes) { buffer in
        body(
          JSONView(
            buffer: buffer, start: root, end: Self.valueEnd(buffer, root: root), plain: plain, containers: containers))
      }
    }
  }

  /// The offset just past the top-level value at `root` of a valid document: only white space follows it.
  @inline(__always)
  static func valueEnd(_ buffer: ByteView, root: Int) -> Int {
    var end = buffer.count
    while end > root + 1, isWhitespace(buffer[end - 1]) { end -= 1 }
    return end
  }

  @inline(__always)
  static func isWhitespace(_ byte: UInt8) -> Bool {
    // Most bytes looked at are above the space: one comparison rules them out.
    byte <= 0x20 && (byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09)
  }

  /// The offset of the top-level value when `buffer` is valid JSON.
  static func validate(_ buffer: ByteView) -> Int? {
    var plain = true
    return validate(buffer, plain: &plain)
  }

  /// The offset of the top-level value when `buffer` is valid JSON; `plain` becomes `false` when a string
  /// has an escape or a byte outside ASCII. Nothing is recorded.
  static func validate(_ buffer: ByteView, plain: inout Bool) -> Int? {
    var tableCount = 0
    var memberCount = 0
    return validate(
      buffer, plain: &plain, table: OffsetSlots(), tableCount: &tableCount, open: OffsetSlots(), members: OffsetSlots(),
      memberCount: &memberCount)
  }

  /// The offset of the top-level value when `buffer` is valid JSON, with containers' (start, end) offsets
  /// written to `table` in document order while it has room, `tableCount` counting the entries written.
  static func validate(
    _ buffer: ByteView, plain: inout Bool, table: OffsetSlots, tableCount: inout Int
  ) -> Int? {
    OffsetSlots.withTemporary(capacity: JSONReader.maximumDepth + 1) { open in
      var memberCount = 0
      return validate(
        buffer, plain: &plain, table: table, tableCount: &tableCount, open: open,
        members: OffsetSlots(), memberCount: &memberCount)
    }
  }

  /// The validation loop. When `table` has room, containers' (start, end) offsets are written to it in
  /// document order, `tableCount` counting the entries written, using `open` to remember each open
  /// container's entry; when `members` has room, a top-level object's members are recorded there (see
  /// ``validateShort(_:members:)``).
  @inline(__always)
  private static func validate(
    _ buffer: ByteView, plain: inout Bool, table: OffsetSlots, tableCount: inout Int, open: OffsetSlots,
    members: OffsetSlots, memberCount: inout Int
  ) -> Int? {
    let count = buffer.count
    let recording = table.count >= 2
    /// Notes a container opening at `index` at `depth` (after incrementing).
    func opened(_ index: Int, _ depth: Int) {
      guard recording else { return }
      if tableCount + 2 <= table.count {
        open[depth] = Int32(truncatingIfNeeded: tableCount)
        table[tableCount] = Int32(truncatingIfNeeded: index)
        table[tableCount + 1] = 0
        tableCount += 2
      } else {
        open[depth] = -1
      }
    }
    func closed(_ index: Int, _ depth: Int) {
      guard recording, open[depth] >= 0 else { return }
      table[Int(open[depth]) + 1] = Int32(truncatingIfNeeded: index + 1)
    }
    var high: UInt64 = 0
    defer { if high & ByteScan.highs != 0 { plain = false } }
    var index = 0
    if count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { index = 3 }
    while index < count, isWhitespace(buffer[index]) { index += 1 }
    let root = index
    // The members of a top-level object are recorded when there is room for them.
    let recordsMembers = members.count >= 4 && root < count && buffer[root] == UInt8(ascii: "{")
    /// Notes a top-level member whose key's text spans `key` and whose value starts at `value`.
    func member(_ key: Range<Int>, _ value: Int) {
      if 4 * memberCount + 4 <= members.count {
        members[4 * memberCount] = Int32(truncatingIfNeeded: key.lowerBound)
        members[4 * memberCount + 1] = Int32(truncatingIfNeeded: key.upperBound)
        members[4 * memberCount + 2] = Int32(truncatingIfNeeded: value)
      }
      memberCount += 1
    }
    // Bit `depth - 1` is set when the container at that depth is an object.
    var objects: UInt64 = 0
    var depth = 0
    // Parsing a value, then what may follow it.
    value: while true {
      guard index < count else { return nil }
      switch buffer[index] {
      case UInt8(ascii: "{"):
        depth += 1
        guard depth <= JSONReader.maximumDepth else { return nil }
        objects |= 1 &<< UInt64(depth - 1)
        opened(index, depth)
        index += 1
        while index < count, isWhitespace(buffer[index]) { index += 1 }
        if index < count, buffer[index] == UInt8(ascii: "}") {
          closed(index, depth)
          index += 1
          depth -= 1
        } else {
          guard let next = memberValue(buffer, index, high: &high) else { return nil }
          if recordsMembers && depth == 1 { member((index + 1)..<(next.keyEnd - 1), next.value) }
          index = next.value
          continue value
        }
      case UInt8(ascii: "["):
        depth += 1
        guard depth <= JSONReader.maximumDepth else { return nil }
        objects &= ~(1 &<< UInt64(depth - 1))
        opened(index, depth)
        index += 1
        while index < count, isWhitespace(buffer[index]) { index += 1 }
        if index < count, buffer[index] == UInt8(ascii: "]") {
          closed(index, depth)
          index += 1
          depth -= 1
        } else {
          continue value
        }
      case UInt8(ascii: "\""):
        guard let end = stringEnd(buffer, index, high: &high) else { return nil }
        index = end
      case UInt8(ascii: "t"):
        guard literal(buffer, index, "true") else { return nil }
        index += 4
      case UInt8(ascii: "f"):
        guard literal(buffer, index, "false") else { return nil }
        index += 5
      case UInt8(ascii: "n"):
        guard literal(buffer, index, "null") else { return nil }
        index += 4
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
        guard let end = numberEnd(buffer, index) else { return nil }
        index = end
      default:
        return nil
      }
      // After a value: close containers, or go on to the next element or member.
      while true {
        // A value at depth 1 has just ended: a top-level member's, when the document is an object.
        if recordsMembers && depth == 1 && memberCount > 0 && 4 * memberCount <= members.count {
          members[4 * memberCount - 1] = Int32(truncatingIfNeeded: index)
        }
        while index < count, isWhitespace(buffer[index]) { index += 1 }
        if depth == 0 { return index == count ? root : nil }
        guard index < count else { return nil }
        let isObject = objects & (1 &<< UInt64(depth - 1)) != 0
        let byte = buffer[index]
        if byte == UInt8(ascii: ",") {
          index += 1
          while index < count, isWhitespace(buffer[index]) { index += 1 }
          if isObject {
            guard let next = memberValue(buffer, index, high: &high) else { return nil }
            if recordsMembers && depth == 1 { member((index + 1)..<(next.keyEnd - 1), next.value) }
            index = next.value
          }
          continue value
        }
        guard byte == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) else { return nil }
        closed(index, depth)
        index += 1
        depth -= 1
      }
    }
  }

  /// Reads `"key" :` at `index` and returns the offsets just past the key's closing quote and of the
  /// member's value.
  @inline(__always)
  private static func memberValue(
    _ buffer: ByteView, _ start: Int, high: inout UInt64
  ) -> (keyEnd: Int, value: Int)? {
    let count = buffer.count
    guard start < count, buffer[start] == UInt8(ascii: "\""), let keyEnd = stringEnd(buffer, start, high: &high) else {
      return nil
    }
    var index = keyEnd
    while index < count, isWhitespace(buffer[index]) { index += 1 }
    guard index < count, buffer[index] == UInt8(ascii: ":") else { return nil }
    index += 1
    while index < count, isWhitespace(buffer[index]) { index += 1 }
    return (keyEnd, index)
  }

  /// The offset after the closing quote of the string opening at `start`, or `nil` when it is invalid.
  @inline(__always)
  static func stringEnd(_ buffer: ByteView, _ start: Int, high: inout UInt64) -> Int? {
    let count = buffer.count
    var index = start + 1
    while index < count {
      index = ByteScan.validateStringBody(buffer, from: index, end: count, high: &high)
      guard index < count else { return nil }
      let byte = buffer[index]
      if byte == UInt8(ascii: "\"") { return index + 1 }
      if byte < 0x20 { return nil }
      if byte >= 0x80 { high |= 0x80 }  // in the last eight bytes, which are read one by one
      if byte == UInt8(ascii: "\\") {
        high |= 0x80  // an escape: not plain
        guard index + 1 < count else { return nil }
        switch buffer[index + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
          UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
          index += 2
        case UInt8(ascii: "u"):
          guard index + 6 <= count else { return nil }
          for offset in 2..<6 where UTF8Text.hexValue(buffer[index + offset]) == nil { return nil }
          index += 6
        default:
          return nil
        }
      } else {
        index += 1
      }
    }
    return nil
  }

  private static func numberEnd(_ buffer: ByteView, _ start: Int) -> Int? {
    let count = buffer.count
    var index = start
    func digits() -> Bool {
      let first = index
      while index < count, buffer[index] >= 0x30, buffer[index] <= 0x39 { index += 1 }
      return index > first
    }
    if buffer[index] == UInt8(ascii: "-") { index += 1 }
    let integer = index
    guard digits() else { return nil }
    // RFC 8259: the integer part is 0 or starts with 1-9 (`010004` is not a number).
    if buffer[integer] == UInt8(ascii: "0"), index - integer > 1 { return nil }
    if index < count, buffer[index] == UInt8(ascii: ".") {
      index += 1
      guard digits() else { return nil }
    }
    if index < count, buffer[index] == UInt8(ascii: "e") || buffer[index] == UInt8(ascii: "E") {
      index += 1
      if index < count, buffer[index] == UInt8(ascii: "+") || buffer[index] == UInt8(ascii: "-") { index += 1 }
      guard digits() else { return nil }
    }
    return index
  }

  private static func literal(_ buffer: ByteView, _ start: Int, _ word: StaticString) -> Bool {
    let expected = ByteView(word)
    guard start + expected.count <= buffer.count else { return false }
    for offset in 0..<expected.count where buffer[start + offset] != expected[offset] { return false }
    return true
  }
}
