/// OverlappingFieldsCanBeMerged: fields with the same response name must be mergeable.
extension GraphQLValidator {
    static func overlappingFieldsCanBeMerged(_ events: GraphQLValidationEvents, _ report: @escaping Report) {
        let checker = GraphQLOverlapChecker()
        func check(_ walker: GraphQLWalker, _ selectionSet: [GraphQLSelection]) {
            checker.schema = walker.schema
            for conflict in checker.conflictsWithin(selectionSet) {
                report("Fields \"\(conflict.responseName)\" conflict because \(conflict.reason). Use different aliases on the fields to fetch both if this was intentional.", conflict.position)
            }
        }
        events.operation.append { walker, op in check(walker, op.selectionSet) }
        events.field.append { walker, field in
            // Fragments reached from an operation are checked again on their own; avoid duplicates.
            if walker.currentOperation != nil { check(walker, field.selectionSet) }
        }
        events.inlineFragment.append { walker, inline in check(walker, inline.selectionSet) }
        events.fragment.append { walker, fragment in check(walker, fragment.selectionSet) }
    }
}

struct GraphQLConflict {
    var responseName: String
    var message = ""
    var subConflicts: [GraphQLConflict] = []
    var position: GraphQLPosition?

    var reason: String {
        if subConflicts.isEmpty { return message }
        return subConflicts.map { "subfields \"\($0.responseName)\" conflict because \($0.reason)" }.joined(separator: " and ")
    }
}

/// Fields grouped by response name, in first-seen order.
private struct GraphQLFieldMap {
    var names: [String] = []
    var fields: [String: [GraphQLField]] = [:]

    mutating func push(_ name: String, _ field: GraphQLField) {
        if fields[name] == nil { names.append(name) }
        fields[name, default: []].append(field)
    }

    func sameFields(as other: GraphQLFieldMap) -> Bool {
        guard names == other.names else { return false }
        return names.allSatisfy { name in
            (fields[name] ?? []).map(ObjectIdentifier.init) == (other.fields[name] ?? []).map(ObjectIdentifier.init)
        }
    }
}

/// gqlparser's overlappingFieldsCanBeMergedManager, with a work budget so hostile fragment graphs stay cheap.
final class GraphQLOverlapChecker {
    var schema = GraphQLSchema()
    private var comparedFragmentPairs: [String: [String: Bool]] = [:]
    private var comparedFragments: Set<String> = []
    private var budget = 200_000
    private var depth = 0

    func conflictsWithin(_ selectionSet: [GraphQLSelection]) -> [GraphQLConflict] {
        guard !selectionSet.isEmpty else { return [] }
        let (fieldMap, spreads) = fieldsAndFragments(selectionSet)
        var conflicts: [GraphQLConflict] = []
        for name in fieldMap.names {
            let fields = fieldMap.fields[name] ?? []
            for (i, a) in fields.enumerated() {
                for b in fields[(i + 1)...] {
                    if let c = findConflict(false, a, b) { conflicts.append(c) }
                }
            }
        }
        comparedFragments = []
        for (i, a) in spreads.enumerated() {
            betweenFieldsAndFragment(&conflicts, false, fieldMap, a)
            for b in spreads[(i + 1)...] { betweenFragments(&conflicts, false, a, b) }
        }
        return conflicts
    }

    private func spend() -> Bool {
        budget -= 1
        return budget > 0 && depth < GraphQLWalker.maxDepth
    }

    private func betweenFieldsAndFragment(_ conflicts: inout [GraphQLConflict], _ exclusive: Bool, _ fieldMap: GraphQLFieldMap, _ spread: GraphQLFragmentSpread) {
        guard comparedFragments.insert(spread.name).inserted, let def = spread.definition, spend() else { return }
        depth += 1
        defer { depth -= 1 }
        let (otherMap, otherSpreads) = fieldsAndFragments(def.selectionSet)
        if fieldMap.sameFields(as: otherMap) { return }
        between(&conflicts, exclusive, fieldMap, otherMap)
        for other in otherSpreads where other.name != spread.name {
            betweenFieldsAndFragment(&conflicts, exclusive, fieldMap, other)
        }
    }

    private func betweenFragments(_ conflicts: inout [GraphQLConflict], _ exclusive: Bool, _ a: GraphQLFragmentSpread, _ b: GraphQLFragmentSpread) {
        guard a.name != b.name, !hasPair(a.name, b.name, exclusive), spend() else { return }
        comparedFragmentPairs[a.name, default: [:]][b.name] = exclusive
        comparedFragmentPairs[b.name, default: [:]][a.name] = exclusive
        guard let defA = a.definition, let defB = b.definition else { return }
        depth += 1
        defer { depth -= 1 }
        let (mapA, spreadsA) = fieldsAndFragments(defA.selectionSet)
        let (mapB, spreadsB) = fieldsAndFragments(defB.selectionSet)
        between(&conflicts, exclusive, mapA, mapB)
        for s in spreadsB { betweenFragments(&conflicts, exclusive, a, s) }
        for s in spreadsA { betweenFragments(&conflicts, exclusive, s, b) }
    }

    private func hasPair(_ a: String, _ b: String, _ exclusive: Bool) -> Bool {
        guard let recorded = comparedFragmentPairs[a]?[b] else { return false }
        return exclusive ? true : !recorded
    }

    private func betweenSubSelections(_ exclusive: Bool, _ a: [GraphQLSelection], _ b: [GraphQLSelection]) -> [GraphQLConflict] {
        var conflicts: [GraphQLConflict] = []
        let (mapA, spreadsA) = fieldsAndFragments(a)
        let (mapB, spreadsB) = fieldsAndFragments(b)
        between(&conflicts, exclusive, mapA, mapB)
        for s in spreadsB {
            comparedFragments = []
            betweenFieldsAndFragment(&conflicts, exclusive, mapA, s)
        }
        for s in spreadsA {
            comparedFragments = []
            betweenFieldsAndFragment(&conflicts, exclusive, mapB, s)
        }
        for sa in spreadsA {
            for sb in spreadsB { betweenFragments(&conflicts, exclusive, sa, sb) }
        }
        return conflicts
    }

    private func between(_ conflicts: inout [GraphQLConflict], _ exclusive: Bool, _ mapA: GraphQLFieldMap, _ mapB: GraphQLFieldMap) {
        for name in mapA.names {
            guard let fieldsB = mapB.fields[name] else { continue }
            for a in mapA.fields[name] ?? [] {
                for b in fieldsB {
                    if let c = findConflict(exclusive, a, b) { conflicts.append(c) }
                }
            }
        }
    }

    private func findConflict(_ parentExclusive: Bool, _ a: GraphQLField, _ b: GraphQLField) -> GraphQLConflict? {
        guard let defA = a.definition, let objA = a.objectDefinition, let defB = b.definition, let objB = b.objectDefinition,
              spend() else { return nil }
        let exclusive = parentExclusive
            || (objA.name != objB.name && objA.kind == GraphQLDefinition.object && objB.kind == GraphQLDefinition.object)
        let responseName = a.alias.isEmpty ? a.name : a.alias
        if !exclusive {
            if a.name != b.name {
                return GraphQLConflict(responseName: responseName, message: "\(a.name) and \(b.name) are different fields", position: b.position)
            }
            if !sameArguments(a.arguments, b.arguments) {
                return GraphQLConflict(responseName: responseName, message: "they have differing arguments", position: b.position)
            }
        }
        if typesConflict(defA.type, defB.type) {
            return GraphQLConflict(responseName: responseName, message: "they return conflicting types \(defA.type.text) and \(defB.type.text)", position: b.position)
        }
        depth += 1
        defer { depth -= 1 }
        let sub = betweenSubSelections(exclusive, a.selectionSet, b.selectionSet)
        if sub.isEmpty { return nil }
        return GraphQLConflict(responseName: responseName, subConflicts: sub, position: b.position)
    }

    private func sameArguments(_ a: [GraphQLArgument], _ b: [GraphQLArgument]) -> Bool {
        guard a.count == b.count else { return false }
        return a.allSatisfy { x in
            b.contains { y in x.name == y.name && x.value.kind == y.value.kind && x.value.raw == y.value.raw }
        }
    }

    private func typesConflict(_ t1: GraphQLType, _ t2: GraphQLType) -> Bool {
        var t1 = t1, t2 = t2
        while true {
            if let e1 = t1.elem {
                guard let e2 = t2.elem else { return true }
                t1 = e1
                t2 = e2
                continue
            }
            if t2.elem != nil || t1.nonNull != t2.nonNull { return true }
            guard let d1 = schema.types[t1.namedType], let d2 = schema.types[t2.namedType] else { return false }
            if d1.isLeafType && d2.isLeafType { return d1.name != d2.name }
            return false
        }
    }

    private func fieldsAndFragments(_ selectionSet: [GraphQLSelection]) -> (GraphQLFieldMap, [GraphQLFragmentSpread]) {
        var map = GraphQLFieldMap()
        var spreads: [GraphQLFragmentSpread] = []
        func walk(_ set: [GraphQLSelection], _ level: Int) {
            guard level < GraphQLWalker.maxDepth else { return }
            for selection in set {
                switch selection {
                case .field(let f): map.push(f.alias.isEmpty ? f.name : f.alias, f)
                case .inlineFragment(let i): walk(i.selectionSet, level + 1)
                case .fragmentSpread(let s): spreads.append(s)
                }
            }
        }
        walk(selectionSet, 0)
        return (map, spreads)
    }
}
