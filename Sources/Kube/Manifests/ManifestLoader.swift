import Foundation
import PalisadeCore

/// Loads Kubernetes objects from files, directories (recursively) and stdin.
///
/// - Multi-document YAML, JSON (also concatenated JSON values), `kind: List`
///   and typed lists (`PodList`, ...) are expanded into their items.
/// - Documents that are not Kubernetes objects (no `apiVersion`/`kind`) are
///   skipped with a notice; a document or file that does not parse becomes an
///   `InputError` with file:line and loading continues with the rest.
/// - Helm output keeps the file's line numbers and each object's `# Source:`.
/// - Each input is capped at `maxFileSize` bytes.
public struct ManifestLoader: Sendable {
    public static let defaultMaxFileSize = 32 << 20

    /// Largest accepted file or stdin, in bytes.
    public var maxFileSize: Int
    /// File name extensions picked up when walking directories (lower case, no dot).
    public var extensions: Set<String>
    /// How deep directories are walked.
    public var maxDirectoryDepth: Int
    /// Supplies stdin for the path `-`.
    public var standardInput: @Sendable (_ limit: Int) throws -> [UInt8]

    public init(maxFileSize: Int = ManifestLoader.defaultMaxFileSize,
                extensions: Set<String> = ["yaml", "yml", "json"],
                maxDirectoryDepth: Int = 64,
                standardInput: @escaping @Sendable (_ limit: Int) throws -> [UInt8] = ManifestLoader.readStandardInput) {
        self.maxFileSize = maxFileSize
        self.extensions = extensions
        self.maxDirectoryDepth = maxDirectoryDepth
        self.standardInput = standardInput
    }

    /// Reads stdin up to `limit` bytes.
    public static func readStandardInput(limit: Int) throws -> [UInt8] {
        try BoundedReader.read(FileHandle.standardInput, limit: limit, name: "-")
    }

    /// Loads every path in order: `-` is stdin, a directory is walked
    /// recursively (sorted, hidden entries skipped), anything else is read as
    /// a manifest whatever its extension.
    public func load(paths: [String]) -> ManifestSet {
        var set = ManifestSet()
        for path in paths {
            if path == "-" {
                set.append(loadStandardInput())
            } else if isDirectory(path) {
                var visited: Set<String> = []
                let files = manifestFiles(in: path, depth: 0, visited: &visited, errors: &set.errors)
                if files.isEmpty {
                    let wanted = extensions.sorted().map { "*.\($0)" }.joined(separator: ", ")
                    set.notices.append(ManifestNotice("directory has no manifest files (\(wanted))", at: BoundedReader.start(of: path)))
                }
                for file in files { set.append(load(file: file)) }
            } else {
                set.append(load(file: path))
            }
        }
        return set
    }

    /// Loads one file.
    public func load(file path: String) -> ManifestSet {
        do {
            let bytes = try BoundedReader.read(path: path, limit: maxFileSize)
            return load(bytes: bytes, file: path)
        } catch {
            return failed(error, file: path)
        }
    }

    /// Loads manifest text that came from elsewhere, named `file` in messages.
    public func load(text: String, file: String = "-") -> ManifestSet {
        var set = ManifestDecoder().decode(text, file: file, preferJSON: file.lowercased().hasSuffix(".json"))
        set.files = [file]
        return set
    }

    /// Loads manifest bytes (UTF-8 or UTF-16 with a BOM).
    public func load(bytes: [UInt8], file: String = "-") -> ManifestSet {
        guard bytes.count <= maxFileSize else {
            return failed(InputError("input is larger than the \(maxFileSize / (1 << 20)) MiB limit for one manifest file",
                                     at: BoundedReader.start(of: file)), file: file)
        }
        do {
            return load(text: try BoundedReader.text(bytes, name: file), file: file)
        } catch {
            return failed(error, file: file)
        }
    }

    private func loadStandardInput() -> ManifestSet {
        do {
            return load(bytes: try standardInput(maxFileSize), file: "-")
        } catch {
            return failed(error, file: "-")
        }
    }

    private func failed(_ error: Error, file: String) -> ManifestSet {
        var set = ManifestSet()
        set.files = [file]
        set.errors = [error as? InputError ?? InputError("\(error)", at: BoundedReader.start(of: file))]
        return set
    }
}
