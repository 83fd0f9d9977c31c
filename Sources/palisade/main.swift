import ArgumentParser
import Foundation

// Usage errors (unknown options, unparseable values) exit with 2, as every
// command documents, instead of ArgumentParser's EX_USAGE (64).
do {
    var command = try Palisade.parseAsRoot()
    try command.run()
} catch {
    if Palisade.exitCode(for: error) == .validationFailure {
        FileHandle.standardError.write(Data((Palisade.fullMessage(for: error) + "\n").utf8))
        exit(2)
    }
    Palisade.exit(withError: error)
}
