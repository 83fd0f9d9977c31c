import PalisadeCore

/// Rejects fields a policy API does not define. A misspelt field (`fromm:`)
/// would otherwise be dropped silently and change what the policy means (a
/// rule without `from` admits everyone), so the policy is reported instead.
enum KnownFields {
    static func check(_ value: Value, allowed: Set<String>, field: String, at location: SourceLocation?) throws {
        guard let object = value.objectValue else { return }
        let unknown = object.keys.compactMap(\.stringValue).filter { !allowed.contains($0) }.sorted()
        guard let first = unknown.first else { return }
        let place = field.isEmpty ? "" : " in \(field)"
        throw InputError("unknown field \"\(first)\"\(place) (known fields: \(allowed.sorted().joined(separator: ", ")))", at: location)
    }
}
