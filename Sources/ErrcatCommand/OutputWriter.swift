#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes `errcat`'s output and reports failure instead of ignoring it.
public enum OutputWriter {
  /// Writes all of `text` to `descriptor`, retrying short and interrupted writes. Throws the system's reason
  /// when a write fails (a full disk, a closed pipe, a closed descriptor).
  public static func write(_ text: String, to descriptor: Int32) throws(InputError) {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
      let written = SystemCalls.write(descriptor, bytes)
      if written < 0 {
        let code = errno
        if code == EINTR { continue }
        if code == EAGAIN || code == EWOULDBLOCK {
          var waiting = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
          _ = poll(&waiting, 1, -1)
          continue
        }
        throw InputError("cannot write output: \(InputReader.reason(code))")
      }
      if written == 0 { throw InputError("cannot write output: nothing was written") }
      bytes = bytes.dropFirst(written)
    }
  }

  /// Writes a run's standard output and standard error to descriptors 1 and 2 (or those given) and returns
  /// the status to exit with: the run's, or 1 when standard output could not be written (after a line on
  /// standard error saying why).
  public static func emit(_ output: Errcat.Output, standardOutput: Int32 = 1, standardError: Int32 = 2) -> Int32 {
    var status = output.status
    do {
      try write(output.standardOutput, to: standardOutput)
    } catch {
      try? write("errcat: \(error.message)\n", to: standardError)
      status = 1
    }
    do {
      try write(output.standardError, to: standardError)
    } catch {
      if status == 0 { status = 1 }
    }
    return status
  }

  /// Makes a write to a pipe whose reader has gone fail with EPIPE (reported, exit status 1) instead of
  /// killing the process with SIGPIPE. The `errcat` executable calls this first thing.
  public static func ignoreBrokenPipeSignal() {
    _ = signal(SIGPIPE, SIG_IGN)
  }
}
