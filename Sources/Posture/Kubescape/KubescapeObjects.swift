import PalisadeCore

/// Reads Kubernetes (or Kubescape host-sensor / cloud) objects the way
/// Kubescape's rule tests do: one object per file, YAML or JSON, first
/// document only, then through Go's JSON (numbers become float64).
public enum KubescapeObjects {
    /// Most files read from one directory.
    public static let maxFiles = 10_000

    /// One object from a YAML or JSON file.
    public static func load(file path: String) throws -> Value {
        let text = try KubescapeFiles.readText(path)
        let documents: [YAMLReader.Document]
        do {
            documents = try YAMLReader.documents(text, file: path)
        } catch let error as InputError {
            throw KubescapeError(error.message, file: error.location?.file ?? path, line: error.location?.line ?? 1)
        }
        guard let first = documents.first else {
            throw KubescapeError("resource is nil (empty document)", file: path)
        }
        guard case .object = first.value else {
            throw KubescapeError("expected an object, found \(first.value.typeName)", file: path, line: first.location.line)
        }
        return try KubescapeGoJSON.roundTrip(first.value)
    }

    /// Every file of a directory, in directory (byte) order. A missing
    /// directory holds no objects.
    public static func load(directory: String) throws -> [Value] {
        guard KubescapeFiles.isDirectory(directory) else { return [] }
        let names = try KubescapeFiles.sortedEntries(directory)
        guard names.count <= maxFiles else {
            throw KubescapeError("more than \(maxFiles) files", file: directory)
        }
        return try names.map { try load(file: KubescapeFiles.join(directory, $0)) }
    }
}
