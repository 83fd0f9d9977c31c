/// Extracts field values from a `SyscallEvent`, dispatching on the registry's
/// dense field id (a table built once) so no field name is parsed per event.
enum SyscallFieldExtractor {
    /// Field id (FieldRegistry.standard) → the field, with its name to detect
    /// a ref compiled against another registry.
    typealias Entry = (field: SyscallField, name: String, group: SyscallField.Group)

    static let table: [Entry?] = {
        let registry = FieldRegistry.standard
        var table = [Entry?](repeating: nil, count: registry.idCount)
        for field in SyscallField.allCases {
            guard let info = registry.lookup(field.rawValue), info.name == field.rawValue,
                  info.id < table.count else { continue }
            table[info.id] = (field, info.name, field.group)
        }
        return table
    }()

    static let byName: [String: SyscallField] = {
        var map: [String: SyscallField] = [:]
        for field in SyscallField.allCases { map[field.rawValue] = field }
        return map
    }()

    static func entry(for ref: FieldRef) -> (field: SyscallField, group: SyscallField.Group)? {
        let id = ref.info.id
        if id >= 0, id < table.count, let entry = table[id], entry.name == ref.info.name { return (entry.field, entry.group) }
        return byName[ref.info.name].map { ($0, $0.group) }
    }

    static func extract(_ ref: FieldRef, from event: SyscallEvent) -> FieldValue? {
        guard let (field, group) = entry(for: ref) else { return nil }
        switch group {
        case .event: return eventValue(field, ref.argument, event)
        case .process: return processValue(field, ref.argument, event)
        case .fd: return fdValue(field, event)
        case .container: return containerValue(field, ref.argument, event)
        }
    }
}
