import PalisadeCore

extension Evaluator {
    func evalRef(_ root: RefRoot, _ parts: [CTerm], _ frame: Frame, _ k: (Value) throws -> Void) throws {
        switch root {
        case .local(let slot):
            guard let v = frame.slots[slot] else { throw RegoError(.evalType, "unbound variable in reference") }
            try walk(v, parts, 0, frame, k)
        case .input:
            guard let input = scope.input else { return }
            try walk(input, parts, 0, frame, k)
        case .term(let base):
            try evalTerm(base, frame) { v in try walk(v, parts, 0, frame, k) }
        case .data:
            try evalData(policy.root, [], parts, 0, frame, k)
        }
    }

    /// Follows `parts[i...]` into a plain value, enumerating unbound keys.
    /// Inside `data`, an integer key also reads the string key ("2" for 2),
    /// as OPA's store does.
    func walk(_ value: Value, _ parts: [CTerm], _ i: Int, _ frame: Frame, inData: Bool = false,
              _ k: (Value) throws -> Void) throws {
        if i == parts.count { try k(value); return }
        let part = parts[i]
        if case .value(let key) = part {
            if let child = lookup(value, key, inData: inData) { try walk(child, parts, i + 1, frame, inData: inData, k) }
            return
        }
        if isReady(part, frame) {
            try evalTerm(part, frame) { key in
                if let child = lookup(value, key, inData: inData) { try walk(child, parts, i + 1, frame, inData: inData, k) }
            }
            return
        }
        try forEachMember(value) { key, child in
            try unifyValue(part, key, frame) { try walk(child, parts, i + 1, frame, inData: inData, k) }
        }
    }

    private func lookup(_ value: Value, _ key: Value, inData: Bool) -> Value? {
        if let found = lookup(value, key) { return found }
        guard inData, case .object = value, case .number(let n) = key, n.isInteger else { return nil }
        return lookup(value, .string(n.description))
    }

    /// `value[key]`: array index, object key, or set membership (the element).
    func lookup(_ value: Value, _ key: Value) -> Value? {
        switch value {
        case .object(let dict):
            return dict[key]
        case .array(let items):
            guard case .number(let n) = key, let i = n.intValue, n.isInteger, i >= 0, i < items.count else { return nil }
            return items[i]
        case .set(let items):
            return items.contains(key) ? key : nil
        default:
            return nil
        }
    }

    // MARK: The data document

    /// Follows a ref through the rule tree at `node`, where `path` is the
    /// node's path (used for `with` overlays).
    func evalData(_ node: DocumentNode, _ path: [String], _ parts: [CTerm], _ i: Int, _ frame: Frame,
                  _ k: (Value) throws -> Void) throws {
        if let replaced = overlayValue(at: path) {
            try walk(replaced, parts, i, frame, k)
            return
        }
        if !node.rules.isEmpty {
            guard let value = try fullValue(node, path) else { return }
            try walk(value, parts, i, frame, k)
            return
        }
        if i == parts.count {
            guard let value = try fullValue(node, path) else { return }
            try k(value)
            return
        }
        let part = parts[i]
        if case .value(let key) = part {
            try evalDataChild(node, path, key, parts, i, frame, k)
        } else if isReady(part, frame) {
            try evalTerm(part, frame) { key in try evalDataChild(node, path, key, parts, i, frame, k) }
        } else {
            for key in childKeys(node, path) {
                try unifyValue(part, key, frame) { try evalDataChild(node, path, key, parts, i, frame, k) }
            }
        }
    }

    private func evalDataChild(_ node: DocumentNode, _ path: [String], _ key: Value, _ parts: [CTerm], _ i: Int,
                               _ frame: Frame, _ k: (Value) throws -> Void) throws {
        // Names below data are strings; `data[2]` reads the key "2".
        let name: String? = key.stringValue ?? key.numberValue.flatMap { $0.isInteger ? $0.description : nil }
        let childPath = name.map { path + [$0] }
        if let childPath, let replaced = overlayValue(at: childPath) {
            try walk(replaced, parts, i + 1, frame, k)
            return
        }
        let base = baseValue(at: path)
        let baseChild = base.flatMap { b in lookup(b, key) ?? name.flatMap { lookup(b, .string($0)) } }
        if let name, let childPath, let child = node.children[name] {
            // Where base data and a rule define the same document, base data wins.
            if !child.rules.isEmpty, let baseChild {
                try walk(applyOverlays(baseChild, at: childPath), parts, i + 1, frame, k)
            } else {
                try evalData(child, childPath, parts, i + 1, frame, k)
            }
            return
        }
        if let baseChild {
            let patched = childPath.map { applyOverlays(baseChild, at: $0) } ?? baseChild
            try walk(patched, parts, i + 1, frame, inData: true, k)
        } else if let childPath, hasOverlay(below: childPath) {
            try walk(applyOverlays(.emptyObject, at: childPath), parts, i + 1, frame, k)
        }
    }

    private func childKeys(_ node: DocumentNode, _ path: [String]) -> [Value] {
        var keys = Set(node.children.keys.map { Value.string($0) })
        if case .object(let dict)? = baseValue(at: path) { keys.formUnion(dict.keys) }
        for overlay in scope.overlays where overlay.path.count > path.count && Array(overlay.path.prefix(path.count)) == path {
            keys.insert(.string(overlay.path[path.count]))
        }
        return keys.sorted()
    }

    /// The base (non-rule) data at `path`, before overlays.
    func baseValue(at path: [String]) -> Value? {
        var v = scope.data
        for part in path {
            guard case .object(let dict) = v, let next = dict[.string(part)] else { return nil }
            v = next
        }
        return v
    }

    /// The complete value of a node: base data, child nodes and rules merged.
    func fullValue(_ node: DocumentNode, _ path: [String]) throws -> Value? {
        if let replaced = overlayValue(at: path) { return replaced }
        if let cached = scope.ruleCache[node.id] { return cached }
        var result: Value?
        if !node.rules.isEmpty {
            result = try ruleValue(node)
            if !node.children.isEmpty, case .object(var dict)? = result {
                for (name, child) in node.children {
                    if let v = try fullValue(child, path + [name]) { dict[.string(name)] = v }
                }
                result = .object(dict)
            }
        } else {
            var dict: [Value: Value] = [:]
            let base = baseValue(at: path)
            if case .object(let b)? = base { dict = b } else if let base, node.children.isEmpty { result = base }
            if result == nil {
                for (name, child) in node.children {
                    if child.rules.isEmpty, child.children.isEmpty, !child.functions.isEmpty { continue }
                    if !child.rules.isEmpty, dict[.string(name)] != nil { continue }  // base data wins
                    if let v = try fullValue(child, path + [name]) {
                        dict[.string(name)] = v
                    }
                }
                result = .object(dict)
            }
        }
        if let r = result { result = applyOverlays(r, at: path) }
        scope.ruleCache[node.id] = result
        return result
    }

    // MARK: `with data` overlays

    /// The replacement value covering `path` (an overlay at it or above it).
    func overlayValue(at path: [String]) -> Value? {
        guard !scope.overlays.isEmpty else { return nil }
        for overlay in scope.overlays.reversed() where overlay.path.count <= path.count {
            if Array(path.prefix(overlay.path.count)) == overlay.path {
                var v = overlay.value
                for part in path.dropFirst(overlay.path.count) {
                    guard let next = lookup(v, .string(part)) else { return nil }
                    v = next
                }
                return v
            }
        }
        return nil
    }

    func hasOverlay(below path: [String]) -> Bool {
        scope.overlays.contains { $0.path.count > path.count && Array($0.path.prefix(path.count)) == path }
    }

    /// Writes overlays that lie strictly below `path` into `value`.
    func applyOverlays(_ value: Value, at path: [String]) -> Value {
        guard !scope.overlays.isEmpty else { return value }
        var result = value
        for overlay in scope.overlays where overlay.path.count > path.count && Array(overlay.path.prefix(path.count)) == path {
            result = Self.setting(result, Array(overlay.path.dropFirst(path.count)), to: overlay.value)
        }
        return result
    }

    static func setting(_ value: Value, _ path: [String], to newValue: Value) -> Value {
        guard let first = path.first else { return newValue }
        var dict: [Value: Value] = [:]
        if case .object(let d) = value { dict = d }
        let child = dict[.string(first)] ?? .emptyObject
        dict[.string(first)] = setting(child, Array(path.dropFirst()), to: newValue)
        return .object(dict)
    }
}
