/// Applies one operator between an extracted value and the constants
/// (methods on the immutable program: no copy of it per event).
extension ComparisonProgram {
    func matches(value: FieldValue, constants: [FilterConstant]) -> Bool {
        let op = self.op
        if case .list(let items) = value { return matches(items: items, constants: constants) }
        switch op {
        case .in, .intersects:
            if hasStringSet, case .string(let string) = value { return stringSet.contains(string) }
            return member(value, constants)
        case .pmatch:
            return constants.contains { self.pathMatch(value, $0) }
        default:
            break
        }
        guard let modifier else {
            if hasStringSet, op == .equal || op == .equalEqual,
               case .string(let string) = value { return stringSet.contains(string) }
            return constants.indices.contains { self.single(value, constants[$0], index: $0) }
        }
        let hits = constants.indices.lazy.filter { self.single(value, constants[$0], index: $0) }.count
        switch modifier {
        case .oneof: return hits == 1
        case .anyof: return hits >= 1
        case .allof: return hits == constants.count
        }
    }

    /// A left side with several values, by `multiValueRule`.
    func matches(items: [FieldValue], constants: [FilterConstant]) -> Bool {
        switch multiValueRule {
        case .list:
            switch op {
            case .in: return !items.isEmpty && items.allSatisfy { self.member($0, constants) }
            case .intersects: return items.contains { self.member($0, constants) }
            default: return items.contains { self.matches(value: $0, constants: constants) }
            }
        case .connectionEnds where op == .notEqual:
            return !items.isEmpty && items.allSatisfy { self.matches(value: $0, constants: constants) }
        case .connectionEnds, .anyValue:
            return items.contains { self.matches(value: $0, constants: constants) }
        }
    }

    func member(_ value: FieldValue, _ constants: [FilterConstant]) -> Bool {
        constants.contains { self.equal(value, $0) }
    }

    func single(_ value: FieldValue, _ constant: FilterConstant, index: Int) -> Bool {
        switch op {
        case .equal, .equalEqual, .in, .intersects: return equal(value, constant)
        case .notEqual: return !equal(value, constant)
        case .less, .lessEqual, .greater, .greaterEqual: return ordered(value, constant)
        // Byte-wise, as libsinsp compares (strstr, strcasestr, strncmp).
        case .contains: return UTF8Match.contains(text(value), constant.text)
        case .icontains: return UTF8Match.containsIgnoringASCIICase(text(value), loweredNeedle: constant.text)
        case .startswith: return UTF8Match.hasPrefix(text(value), constant.text)
        case .endswith: return UTF8Match.hasSuffix(text(value), constant.text)
        case .bcontains: return bytes(value).containsSequence(constant.bytes)
        case .bstartswith: return bytes(value).starts(with: constant.bytes)
        case .glob, .iglob:
            return index < globs.count && globs[index].matches(text(value))
        case .regex:
            return index < regexes.count && regexes[index].matches(text(value))
        case .pmatch: return pathMatch(value, constant)
        case .exists: return true
        }
    }

    func equal(_ value: FieldValue, _ constant: FilterConstant) -> Bool {
        switch (value, constant) {
        case (.string(let a), .string(let b)): return a == b
        case (.integer(let a), .integer(let b)): return a == b
        case (.integer(let a), .double(let b)): return Double(a) == b
        case (.bool(let a), .bool(let b)): return a == b
        case (.bytes(let a), .bytes(let b)): return a == b
        case (.ipAddress(let a), .ipAddress(let b)): return a == b
        case (.ipAddress(let a), .ipNetwork(let net)): return net.contains(a)
        default: return FieldEvaluator.text(value) == constant.text
        }
    }

    func ordered(_ value: FieldValue, _ constant: FilterConstant) -> Bool {
        let order: Int
        switch (value, constant) {
        case (.integer(let a), .integer(let b)): order = a < b ? -1 : a == b ? 0 : 1
        case (.integer(let a), .double(let b)): order = Double(a) < b ? -1 : Double(a) == b ? 0 : 1
        default:
            let a = FieldEvaluator.text(value), b = constant.text
            order = a < b ? -1 : a == b ? 0 : 1
        }
        switch op {
        case .less: return order < 0
        case .lessEqual: return order <= 0
        case .greater: return order > 0
        default: return order >= 0
        }
    }

    /// Path-prefix match: every component of the pattern matches the
    /// corresponding component of the path (glob wildcards allowed).
    func pathMatch(_ value: FieldValue, _ constant: FilterConstant) -> Bool {
        let path = FieldEvaluator.text(value).split(separator: "/")
        let pattern = constant.text.split(separator: "/")
        guard !pattern.isEmpty, pattern.count <= path.count else { return constant.text == "/" }
        for (part, glob) in zip(path, pattern) where !GlobPattern(String(glob)).matches(String(part)) {
            return false
        }
        return true
    }

    func text(_ value: FieldValue) -> String { FieldEvaluator.text(value) }

    func bytes(_ value: FieldValue) -> [UInt8] {
        if case .bytes(let bytes) = value { return bytes }
        return Array(text(value).utf8)
    }
}

extension FilterConstant {
    var text: String {
        switch self {
        case .string(let string): return string
        case .integer(let number): return String(number)
        case .double(let number): return String(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .bytes(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .ipAddress(let bytes): return FieldEvaluator.text(.ipAddress(bytes))
        case .ipNetwork(let net): return FieldEvaluator.text(.ipAddress(net.address)) + "/\(net.prefixLength)"
        }
    }

    var bytes: [UInt8] {
        if case .bytes(let bytes) = self { return bytes }
        return Array(text.utf8)
    }
}


extension Array where Element == UInt8 {
    func containsSequence(_ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard needle.count <= count else { return false }
        for start in 0...(count - needle.count) where self[start] == needle[0] {
            if self[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }
}
