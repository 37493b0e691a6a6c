import ErrorCatalog

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where `errcat classify` takes its body from when `--body` is not given.
public enum InputSource: Sendable, Hashable {
  /// Standard input (no body option, or `--body-file -`).
  case standardInput
  /// `--body-file PATH`: any readable file, including devices, FIFOs, `/dev/stdin` and `<(…)`.
  case file(String)

  var name: String {
    switch self {
    case .standardInput: "standard input"
    case .file(let path): "'\(TextEscaping.escaped(path))'"
    }
  }
}

/// Input read in bounded memory: the body's first bytes, how long the input and the body really were, and
/// the head when the input is a raw HTTP response (`curl -i`).
public struct BoundedInput: Sendable, Hashable {
  /// The body's first bytes, at most ``InputReader/keptLimit``: after the head of a raw HTTP response,
  /// decoded when the head says `Transfer-Encoding: chunked`; else the input's start.
  public var bytes: [UInt8]
  /// The input's full length in bytes (more than `bytes.count` when the rest was counted, not kept).
  public var totalCount: Int
  /// The body's full length (decoded when chunked).
  var bodyCount: Int
  /// The head, when the input starts with an HTTP status line.
  var raw: RawHTTPResponse?
  /// What became of a chunked body, when the head says `Transfer-Encoding: chunked`.
  var chunking: RawHTTPResponse.Chunking?
  /// Input bytes after a malformed chunk or after the last chunk, counted and not read.
  var unreadCount = 0

  /// An input whose first bytes are `bytes` and whose full length is `totalCount`: `bytes` is read as
  /// `errcat` reads its input (a raw HTTP head is taken apart, a chunked body decoded), and the bytes
  /// beyond it are counted as the body's.
  public init(bytes: [UInt8], totalCount: Int) {
    self.init(bytes, limit: InputReader.keptLimit)
    let beyond = max(0, totalCount - bytes.count)
    self.totalCount += beyond
    if chunking == nil || chunking == .notEncoded { bodyCount += beyond } else { unreadCount += beyond }
  }

  /// `bytes` read as `errcat` reads its input, keeping at most `limit` bytes of the body.
  public init(_ bytes: some Collection<UInt8>, limit: Int = InputReader.keptLimit) {
    var reader = RawHTTPResponse.Reader(bodyLimit: limit, headLimit: InputReader.headAllowance)
    reader.append(bytes)
    self.init(reader.finish())
  }

  init(_ result: RawHTTPResponse.Reader.Result) {
    bytes = result.body
    totalCount = result.totalCount
    bodyCount = result.bodyCount
    raw = result.raw
    chunking = result.chunking
    unreadCount = result.unreadCount
  }

  /// Whether anything of the input was not read: body bytes beyond the kept ones, header lines dropped, or
  /// input after a malformed or incomplete chunked body.
  public var isTruncated: Bool {
    bodyCount > bytes.count || (raw?.droppedHeaderLines ?? 0) > 0 || unreadCount > 0
      || chunking == .malformed || chunking == .incomplete
  }
}

/// Input that could not be read: the one line `errcat` prints before it exits with status 1.
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
  public var message: String

  public init(_ message: String) { self.message = message }

  public var description: String { message }
}

/// Reads a body from a file descriptor or a path without ever holding more than a bounded prefix.
public enum InputReader {
  /// How much of a body is kept: `ResponseBody.storedLimit` (1 MiB) plus one byte, so that the library still
  /// sees that a body was longer than it reads (and classifies it from the status, as it does any body over
  /// the limit). The budget starts where the body starts, after the head of a raw HTTP response; everything
  /// after it is counted and dropped.
  public static let keptLimit = ResponseBody.storedLimit + 1

  /// Room kept for the header lines of each response of a raw HTTP response (`curl -i`): header lines
  /// beyond it are dropped, counted and reported, and never take the body's room.
  public static let headAllowance = 65_536

  /// Reads `descriptor` to its end, keeping at most `limit` bytes of the body (and of a raw HTTP response's
  /// head, ``headAllowance`` bytes of header lines). Interrupted reads are retried; any other failure (a directory, a closed descriptor, an I/O error) throws, naming `source` and the reason.
  public static func read(
    descriptor: Int32, source: InputSource = .standardInput, limit: Int = keptLimit
  ) throws(InputError) -> BoundedInput {
    var reader = RawHTTPResponse.Reader(bodyLimit: limit, headLimit: headAllowance)
    let chunkSize = 65_536
    var chunk = [UInt8](repeating: 0, count: chunkSize)
    while true {
      let count = SystemCalls.read(descriptor, into: &chunk)
      if count < 0 {
        let code = errno
        if code == EINTR { continue }
        if code == EAGAIN || code == EWOULDBLOCK {
          // A non-blocking descriptor (an inherited pipe or terminal): wait until it has data.
          var waiting = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
          _ = poll(&waiting, 1, -1)
          continue
        }
        throw InputError("cannot read \(source.name): \(reason(code))")
      }
      if count == 0 { break }
      reader.append(chunk[0..<count])
    }
    return BoundedInput(reader.finish())
  }

  /// Opens `path` for reading (any kind of file that can be read: regular files, devices, FIFOs, process
  /// substitutions) and reads it with ``read(descriptor:source:limit:)``.
  public static func read(path: String, limit: Int = keptLimit) throws(InputError) -> BoundedInput {
    let source = InputSource.file(path)
    guard !path.isEmpty else { throw InputError("cannot read --body-file '': no path given") }
    var descriptor: Int32
    repeat {
      descriptor = open(path, O_RDONLY | O_CLOEXEC)
    } while descriptor < 0 && errno == EINTR
    guard descriptor >= 0 else { throw InputError("cannot open \(source.name): \(reason(errno))") }
    defer { _ = close(descriptor) }
    return try read(descriptor: descriptor, source: source, limit: limit)
  }

  /// What a real run reads: standard input from descriptor 0, files from the file system.
  public static func system(_ source: InputSource) throws(InputError) -> BoundedInput {
    switch source {
    case .standardInput: try read(descriptor: 0)
    case .file(let path): try read(path: path)
    }
  }

  /// The system's text for an `errno` value ("Is a directory", "Bad file descriptor", …).
  static func reason(_ code: Int32) -> String {
    SystemCalls.reason(code)
  }
}
