/// An HTTP response as `curl -i` prints it: a status line, header lines, a blank line and the body.
///
/// `errcat classify` checks whether its input starts with a status line (`HTTP/1.1 429 Too Many Requests`,
/// `HTTP/2 429`); if so it takes the status and the headers from the head and classifies what follows the
/// blank line as the body. Lines may end in CRLF or LF. When the body itself starts with another status line
/// (an interim `100 Continue`, the hops of `curl -iL` through redirects, a proxy's `200 Connection
/// established`), the last response is the one classified.
///
/// The input is read as it arrives (``Reader``), in bounded memory: each response's header lines are kept up
/// to ``InputReader/headAllowance`` bytes (the lines beyond are dropped and counted), and the body's budget
/// starts where the body starts.
struct RawHTTPResponse: Hashable, Sendable {
  /// The status code of the last response.
  var status: Int
  /// The last response's headers. A name that repeats (ignoring case) keeps its first spelling, and its
  /// values are joined with ", " as RFC 9110 section 5.3 allows (an exact repeat of the same value is kept
  /// once).
  var headers: [String: String]
  /// How many bytes of the input the heads took (all status lines and header sections).
  var headCount: Int
  /// How many responses came before the last one.
  var earlierResponses: Int
  /// Header lines of the last response dropped because its head was longer than the allowance.
  var droppedHeaderLines = 0

  /// The heads of every response at the start of `bytes`, or `nil` when `bytes` does not start with an HTTP
  /// status line. The body is `bytes[headCount...]`.
  static func parse(_ bytes: some Collection<UInt8>, headLimit: Int = InputReader.headAllowance) -> RawHTTPResponse? {
    var reader = Reader(bodyLimit: 0, headLimit: headLimit)
    reader.append(bytes)
    return reader.finish().raw
  }

  // MARK: Grammar

  /// `HTTP/1.1 429 Reason` or `HTTP/2 429`: `HTTP/`, a digit with an optional `.digit`, a space, three
  /// digits (100 to 599), and then nothing or a space and a reason phrase.
  static func statusLine(_ line: some Collection<UInt8>) -> Int? {
    let line = Array(line)
    var index = 0
    func take(_ byte: UInt8) -> Bool {
      guard index < line.count, line[index] == byte else { return false }
      index += 1
      return true
    }
    func digit() -> Int? {
      guard index < line.count, (0x30...0x39).contains(line[index]) else { return nil }
      defer { index += 1 }
      return Int(line[index] - 0x30)
    }
    guard take(0x48), take(0x54), take(0x54), take(0x50), take(0x2F), digit() != nil else { return nil }
    if take(0x2E) { guard digit() != nil else { return nil } }
    guard take(0x20), let hundreds = digit(), let tens = digit(), let units = digit() else { return nil }
    let status = hundreds * 100 + tens * 10 + units
    guard (100...599).contains(status), index == line.count || line[index] == 0x20 else { return nil }
    return status
  }

  /// A `tchar` of RFC 9110 section 5.6.2: letters, digits and ``!#$%&'*+-.^_`|~``.
  static func isTokenByte(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
    case 0x21, 0x23, 0x24, 0x25, 0x26, 0x27, 0x2A, 0x2B, 0x2D, 0x2E, 0x5E, 0x5F, 0x60, 0x7C, 0x7E: true
    default: false
    }
  }

  /// Fields joined by name: one hash lookup per field and per distinct value, so the work grows with the
  /// number of lines, never with its square. `work` counts those lookups (a test checks the growth).
  static func combined(_ fields: [(name: String, value: String)], work: inout Int) -> [String: String] {
    var order: [String] = []
    var spelling: [String: String] = [:]
    var values: [String: [String]] = [:]
    var seen: [String: Set<String>] = [:]
    for field in fields {
      let key = field.name.lowercased()
      work += 2
      if spelling[key] == nil {
        spelling[key] = field.name
        order.append(key)
      }
      guard seen[key, default: []].insert(field.value).inserted else { continue }
      work += 1
      values[key, default: []].append(field.value)
    }
    var headers: [String: String] = [:]
    for key in order { headers[spelling[key, default: key]] = values[key, default: []].joined(separator: ", ") }
    return headers
  }

  static func combined(_ fields: [(name: String, value: String)]) -> [String: String] {
    var work = 0
    return combined(fields, work: &work)
  }

  /// A field value without the white space around it, with each bare CR replaced by a space (RFC 9112
  /// section 2.2 allows that).
  static func fieldValue(_ bytes: some Collection<UInt8>) -> String {
    let cleaned = bytes.map { $0 == 0x0D ? 0x20 : $0 }
    let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
    guard let first = cleaned.firstIndex(where: { !isSpace($0) }),
      let last = cleaned.lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(decoding: cleaned[first...last], as: UTF8.self)
  }
}

// MARK: - Reading as the input arrives

extension RawHTTPResponse {
  /// What became of a body sent with `Transfer-Encoding: chunked`.
  enum Chunking: String, Hashable, Sendable {
    /// Every chunk was read, up to the last (empty) one: the body is the chunks' data.
    case decoded
    /// The input ended before the last chunk: the body is the data of the chunks that arrived.
    case incomplete
    /// A chunk's size line or the line end after its data was not what chunked coding allows: the body is
    /// the data read before it, the rest of the input is counted and not read.
    case malformed
    /// The body does not start with a chunk size (`curl -i` without `--raw` prints the body already
    /// decoded): the body is read as it is.
    case notEncoded
  }

  /// Splits an input into the heads of a raw HTTP response (when it starts with one) and the body, keeping
  /// at most `headLimit` bytes of header lines per response and `bodyLimit` bytes of the body, and counting
  /// the rest. A body sent with `Transfer-Encoding: chunked` is decoded as it arrives.
  struct Reader {
    struct Result: Equatable {
      /// The body's first bytes (decoded when chunked), at most the body limit.
      var body: [UInt8]
      /// The body's full length (decoded when chunked).
      var bodyCount: Int
      /// The input's full length.
      var totalCount: Int
      var raw: RawHTTPResponse?
      /// Set when the last response's head says `Transfer-Encoding: chunked`.
      var chunking: Chunking?
      /// Input bytes after a malformed chunk or after the last chunk's trailers, counted and not read.
      var unreadCount: Int
    }

    let bodyLimit: Int
    let headLimit: Int

    private enum State {
      /// Reading a line that may be a status line (the input's first, or the first after a head).
      case statusCandidate
      /// Reading a header line.
      case field
      /// Skipping the rest of an overlong status line.
      case skipStatusRest
      case body
    }

    private var state = State.statusCandidate
    /// The line being read, at most `lineLimit` bytes of it.
    private var line: [UInt8] = []
    /// How many bytes of the current line went beyond `line`.
    private var lineOverflow = 0
    private var total = 0
    private var headBytes = 0
    private var responses = 0
    private var status = 0
    private var fields: [(name: String, value: String)] = []
    /// Bytes of header lines kept for the current response.
    private var keptFieldBytes = 0
    private var dropped = 0
    /// Whether the last field line was dropped (a folded line after it is dropped too).
    private var lastDropped = false
    private var body: [UInt8] = []
    private var bodyCount = 0
    private var decoder: ChunkDecoder?

    /// A status line needs at most this many bytes to be recognized (`HTTP/1.1 200 ` is 13).
    private static let statusPrefix = 16

    init(bodyLimit: Int, headLimit: Int) {
      self.bodyLimit = bodyLimit
      self.headLimit = headLimit
    }

    mutating func append(_ bytes: some Collection<UInt8>) {
      total = total.addingReportingOverflow(bytes.count).overflow ? Int.max : total + bytes.count
      var rest = ArraySlice(bytes)
      while !rest.isEmpty {
        switch state {
        case .body:
          takeBody(rest)
          return
        case .statusCandidate:
          let byte = rest.removeFirst()
          if byte == 0x0A {
            endStatusCandidate(complete: true)
            continue
          }
          line.append(byte)
          let probe = line.prefix(5)
          if !Array("HTTP/".utf8).starts(with: probe) || line.count >= Self.statusPrefix {
            endStatusCandidate(complete: false)
          }
        case .skipStatusRest:
          guard let feed = rest.firstIndex(of: 0x0A) else {
            headBytes += rest.count
            return
          }
          headBytes += rest.distance(from: rest.startIndex, to: feed) + 1
          rest = rest[rest.index(after: feed)...]
          state = .field
        case .field:
          guard let feed = rest.firstIndex(of: 0x0A) else {
            appendToLine(rest)
            return
          }
          appendToLine(rest[..<feed])
          rest = rest[rest.index(after: feed)...]
          headBytes += 1
          endFieldLine()
        }
      }
    }

    private var lineLimit: Int { max(0, headLimit - keptFieldBytes) }

    private mutating func appendToLine(_ bytes: some Collection<UInt8>) {
      headBytes += bytes.count
      let room = max(0, lineLimit + 1 - line.count)
      line.append(contentsOf: bytes.prefix(room))
      lineOverflow += max(0, bytes.count - room)
    }

    /// Decides whether the line read so far is a status line: at its end (`complete`), or as soon as its
    /// start rules one out or is long enough to tell.
    private mutating func endStatusCandidate(complete: Bool) {
      var text = line[...]
      if complete, text.last == 0x0D { text = text.dropLast() }
      // A line still going after 13 bytes has a reason phrase: its first 13 bytes (`HTTP/1.1 200 `,
      // `HTTP/2 200 Rea`) tell.
      let recognized: Int?
      if complete {
        recognized = Self.statusLineOrNil(text)
      } else if text.count >= Self.statusPrefix {
        recognized = Self.statusLineOrNil(text.prefix(13))
      } else {
        recognized = nil
      }
      guard let recognized else {
        // Not a status line: it and everything after it is the body.
        let bytes = line + (complete ? [0x0A] : [])
        line = []
        startBody()
        takeBody(bytes[...])
        return
      }
      if responses > 0 || status != 0 { responses += 1 }
      status = recognized
      fields = []
      keptFieldBytes = 0
      dropped = 0
      lastDropped = false
      headBytes += line.count + (complete ? 1 : 0)
      line = []
      state = complete ? .field : .skipStatusRest
    }

    private static func statusLineOrNil(_ bytes: ArraySlice<UInt8>) -> Int? { RawHTTPResponse.statusLine(bytes) }

    private mutating func endFieldLine() {
      defer {
        line = []
        lineOverflow = 0
      }
      var text = line[...]
      if lineOverflow == 0, text.last == 0x0D { text = text.dropLast() }
      if text.isEmpty, lineOverflow == 0 {
        // The end of this head: a status line may follow (another response), else the body.
        state = .statusCandidate
        return
      }
      let length = text.count + lineOverflow
      // The head is kept up to the first line that does not fit; that line and every later one are dropped.
      if dropped > 0 || lineOverflow > 0 || keptFieldBytes + length > headLimit {
        dropped += 1
        lastDropped = true
        return
      }
      if let lead = text.first, lead == 0x20 || lead == 0x09 {
        // An obsolete folded line continues the previous field's value.
        if lastDropped {
          dropped += 1
        } else if !fields.isEmpty {
          keptFieldBytes += length
          fields[fields.count - 1].value += " " + RawHTTPResponse.fieldValue(text)
        }
        return
      }
      guard let colon = text.firstIndex(of: 0x3A), colon > text.startIndex,
        text[..<colon].allSatisfy(RawHTTPResponse.isTokenByte)
      else { return }  // Not a field line (its name is not an HTTP token): ignored.
      keptFieldBytes += length
      lastDropped = false
      fields.append((String(decoding: text[..<colon], as: UTF8.self), RawHTTPResponse.fieldValue(text[(colon + 1)...])))
    }

    private var isRaw: Bool { status != 0 }

    private mutating func startBody() {
      state = .body
      guard isRaw else { return }
      let codings = fields.filter { $0.name.lowercased() == "transfer-encoding" }.flatMap {
        $0.value.split(separator: ",").map { $0.trimmingSpaces.lowercased() }
      }
      if codings.last == "chunked" { decoder = ChunkDecoder() }
    }

    private mutating func takeBody(_ bytes: ArraySlice<UInt8>) {
      if var chunks = decoder {
        decoder = nil
        chunks.append(bytes) { data in keep(data) }
        if let replay = chunks.takeReplay() {
          // Not chunk-encoded after all: what was held back is the body's start, read as it is.
          keep(replay[...])
        }
        decoder = chunks
      } else {
        keep(bytes)
      }
    }

    private mutating func keep(_ data: ArraySlice<UInt8>) {
      let room = max(0, bodyLimit - body.count)
      if room > 0 { body.append(contentsOf: data.prefix(room)) }
      bodyCount = bodyCount.addingReportingOverflow(data.count).overflow ? Int.max : bodyCount + data.count
    }

    /// The input ends: whatever line was being read is settled.
    mutating func finish() -> Result {
      switch state {
      case .statusCandidate where !line.isEmpty:
        if !isRaw || Self.statusLineOrNil(line[...]) == nil {
          let bytes = line
          line = []
          startBody()
          takeBody(bytes[...])
        } else {
          endStatusCandidate(complete: true)
          headBytes -= 1  // No line feed ended it.
        }
      case .field where !line.isEmpty || lineOverflow > 0:
        endFieldLine()
      default: break
      }
      if state != .body, isRaw { startBody() }
      var chunking: Chunking?
      var unread = 0
      if var chunks = decoder {
        if let replay = chunks.takeReplay(final: true) { keep(replay[...]) }
        chunking = chunks.outcome
        unread = chunks.unreadCount
        decoder = chunks
      }
      let raw =
        isRaw
        ? RawHTTPResponse(
          status: status, headers: RawHTTPResponse.combined(fields), headCount: headBytes, earlierResponses: responses,
          droppedHeaderLines: dropped)
        : nil
      return Result(
        body: body, bodyCount: bodyCount, totalCount: total, raw: raw, chunking: chunking, unreadCount: unread)
    }
  }

  /// Decodes `Transfer-Encoding: chunked` (RFC 9112 section 7.1) as bytes arrive, holding at most one size
  /// line: a hexadecimal size, optional extensions after `;`, CRLF or LF; the data; CRLF or LF; and after
  /// the last, empty chunk, trailer lines up to a blank line.
  struct ChunkDecoder {
    private enum State {
      case size
      case data(remaining: Int)
      case dataEnd(sawCR: Bool)
      case trailer(lineEmpty: Bool, sawCR: Bool)
      case done
      case failed
      /// Not chunk-encoded: the held-back bytes are handed back once, then everything passes through.
      case passThrough
    }

    private var state = State.size
    private var sizeLine: [UInt8] = []
    private var chunks = 0
    private var replay: [UInt8]?
    private(set) var unreadCount = 0
    private static let sizeLineLimit = 4096

    var outcome: Chunking {
      switch state {
      case .done: .decoded
      case .failed: .malformed
      case .passThrough: .notEncoded
      case .size, .data, .dataEnd, .trailer: .incomplete
      }
    }

    /// Bytes held back while the first size line was read, when they turned out not to be one.
    mutating func takeReplay(final: Bool = false) -> [UInt8]? {
      if final, case .size = state, chunks == 0 {
        // The input ended before a whole size line: nothing here was chunk-encoded.
        state = .passThrough
        replay = sizeLine
        sizeLine = []
      }
      defer { replay = nil }
      return replay
    }

    mutating func append(_ bytes: ArraySlice<UInt8>, data: (ArraySlice<UInt8>) -> Void) {
      var rest = bytes
      while !rest.isEmpty {
        switch state {
        case .passThrough:
          data(rest)
          return
        case .done, .failed:
          unreadCount += rest.count
          return
        case .size:
          let byte = rest.removeFirst()
          if byte == 0x0A {
            var text = sizeLine[...]
            if text.last == 0x0D { text = text.dropLast() }
            guard let size = Self.size(text) else {
              fail(rest: rest, line: sizeLine + [byte])
              return
            }
            sizeLine = []
            chunks += 1
            state = size == 0 ? .trailer(lineEmpty: true, sawCR: false) : .data(remaining: size)
            continue
          }
          sizeLine.append(byte)
          if sizeLine.count > Self.sizeLineLimit || !Self.isSizeLine(sizeLine[...], complete: false) {
            fail(rest: rest, line: sizeLine)
            return
          }
        case .data(let remaining):
          let count = min(remaining, rest.count)
          data(rest.prefix(count))
          rest = rest.dropFirst(count)
          state = remaining == count ? .dataEnd(sawCR: false) : .data(remaining: remaining - count)
        case .dataEnd(let sawCR):
          let byte = rest.removeFirst()
          if byte == 0x0A {
            state = .size
          } else if byte == 0x0D, !sawCR {
            state = .dataEnd(sawCR: true)
          } else {
            state = .failed
            unreadCount += 1 + rest.count
            return
          }
        case .trailer(let lineEmpty, let sawCR):
          let byte = rest.removeFirst()
          if byte == 0x0A {
            state = lineEmpty ? .done : .trailer(lineEmpty: true, sawCR: false)
          } else if byte == 0x0D, !sawCR {
            state = .trailer(lineEmpty: lineEmpty, sawCR: true)
          } else {
            state = .trailer(lineEmpty: false, sawCR: false)
          }
        }
      }
    }

    /// A size line that cannot be one: the first means the body is not chunk-encoded at all (handed back
    /// as it is), a later one that the coding broke.
    private mutating func fail(rest: ArraySlice<UInt8>, line: [UInt8]) {
      if chunks == 0 {
        state = .passThrough
        replay = line + Array(rest)
      } else {
        state = .failed
        unreadCount += line.count + rest.count
      }
      sizeLine = []
    }

    private static func hexDigit(_ byte: UInt8) -> Int? {
      switch byte {
      case 0x30...0x39: Int(byte - 0x30)
      case 0x41...0x46: Int(byte - 0x41 + 10)
      case 0x61...0x66: Int(byte - 0x61 + 10)
      default: nil
      }
    }

    /// Whether `line` is (or, when not `complete`, can still become) `HEX [BWS] [; extensions] [CR]`.
    private static func isSizeLine(_ line: ArraySlice<UInt8>, complete: Bool) -> Bool {
      let digits = line.prefix { hexDigit($0) != nil }.count
      if line.isEmpty { return !complete }
      guard digits > 0, digits <= 15 else { return false }
      let after = line.dropFirst(digits).drop { $0 == 0x20 || $0 == 0x09 }
      guard let first = after.first else { return true }
      if first == 0x3B { return true }
      return first == 0x0D && after.count == 1
    }

    private static func size(_ text: ArraySlice<UInt8>) -> Int? {
      guard isSizeLine(text, complete: true), !text.contains(0x0D) else { return nil }
      var size = 0
      for byte in text {
        guard let digit = hexDigit(byte) else { break }
        size = size * 16 + digit
      }
      return size
    }
  }
}

extension Substring {
  fileprivate var trimmingSpaces: String {
    String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
  }
}
