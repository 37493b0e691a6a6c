import ErrcatCommand

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

// Reads standard input and --body-file paths in bounded memory, and exits 1 when the output cannot be
// written (a full disk, a closed descriptor) instead of pretending it was.
let output = Errcat.run(arguments: Array(CommandLine.arguments.dropFirst()), input: InputReader.system)
exit(OutputWriter.emit(output))
