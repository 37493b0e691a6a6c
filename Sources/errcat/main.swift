import ErrcatCommand

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

// Reads standard input and --body-file paths in bounded memory, and exits 1 when the output cannot be
// written (a full disk, a closed descriptor, a reader that went away) instead of pretending it was.
// SIGPIPE is ignored so that `errcat … | head` sees EPIPE from the write and exits 1, as documented,
// instead of being killed by the signal (status 141 in a shell).
OutputWriter.ignoreBrokenPipeSignal()
let output = Errcat.run(arguments: Array(CommandLine.arguments.dropFirst()), input: InputReader.system)
exit(OutputWriter.emit(output))
